// Both ways a bundled site uses the package: the custom element, and mount() into a div.
import "candidat/element";
import init, { mount } from "candidat";

await init();
window.widget = mount(document.getElementById("mounted"), { lang: "en" });
