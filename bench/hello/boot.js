// The baseline's boot script: the same two calls as candidat's www/boot.js.
import init, { run_page } from "./pkg/hello.js";

await init();
run_page();
