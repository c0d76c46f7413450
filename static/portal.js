// Small enhancements only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  var printButton = document.querySelector("[data-print]");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }
  // Move focus to an error summary or warning so screen reader users hear it first.
  var focusTarget = document.querySelector("[data-focus-on-load]");
  if (focusTarget) { focusTarget.focus(); }
});
