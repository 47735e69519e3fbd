// A "Print" button ([data-app-print], hidden in the HTML) works only with JavaScript, so it is
// shown only then; without it, the browser's own print still gives the print layout.
export function initPrintButtons(root = document) {
  for (const button of root.querySelectorAll("[data-app-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
}
