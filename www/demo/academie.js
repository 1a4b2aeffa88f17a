// The host page's own script: proves that the widgets (and a broken one) leave it working.
const count = document.getElementById("host-count");
const button = document.getElementById("host-button");
let n = 0;
button?.addEventListener("click", () => {
  n += 1;
  count.textContent = String(n);
});

// "Feuille de style hostile": on with ?hostile=1 or the switch.
const hostile = document.getElementById("hostile-sheet");
const toggle = document.getElementById("hostile-toggle");
function setHostile(on) {
  hostile.disabled = !on;
  toggle.checked = on;
  document.documentElement.dataset.hostile = on ? "on" : "off";
}
toggle?.addEventListener("change", () => setHostile(toggle.checked));
setHostile(new URLSearchParams(location.search).get("hostile") === "1");
