// Small enhancements only: every page works without this file.
document.addEventListener("DOMContentLoaded", function () {
  var printButton = document.querySelector("[data-print]");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }
  // Show each block that depends on a choice only once the choice is made. Without this file
  // every block shows, and the form still works: the server ignores what the choice excludes.
  document.querySelectorAll("[data-conditional-form]").forEach(function (form) {
    var blocks = form.querySelectorAll("[data-show-when]");
    function chosen(name, values) {
      var inputs = form.querySelectorAll('input[name="' + name + '"]');
      return Array.prototype.some.call(inputs, function (input) {
        return input.checked && (values === null || values.indexOf(input.value) !== -1);
      });
    }
    function update() {
      blocks.forEach(function (block) {
        var rule = block.getAttribute("data-show-when").split("=");
        block.hidden = !chosen(rule[0], rule.length > 1 ? rule[1].split(",") : null);
      });
    }
    form.addEventListener("change", update);
    update();
  });
  // Move focus to an error summary or warning so screen reader users hear it first.
  var focusTarget = document.querySelector("[data-focus-on-load]");
  if (focusTarget) { focusTarget.focus(); }
});
