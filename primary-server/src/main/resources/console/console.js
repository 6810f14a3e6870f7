// Primary Control Center: the few behaviours plain HTML lacks. Same-origin file, no inline script (CSP).
"use strict";
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) {
    return;
  }
  const field = document.getElementById(button.dataset.copy);
  field.select();
  navigator.clipboard.writeText(field.value).then(() => { button.textContent = "Copied"; },
    () => { button.textContent = "Select and copy"; });
});
