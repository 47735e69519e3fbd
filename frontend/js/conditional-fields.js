// A question that applies only after another answer: the contact form's outcome (for
// appointments) and enforcement decision (after a failure to comply).
//
// The field carries data-app-shown-for-field (the name of the question it depends on) and
// data-app-shown-for (the answers, space-separated, that need it). Without JavaScript every
// question is shown and its hint says when it is needed; with it, the question's form group is
// hidden, and its answer cleared, until it applies. A question showing an error stays shown.
export function initConditionalFields(root = document) {
  for (const field of root.querySelectorAll("[data-app-shown-for-field]")) {
    const group = field.closest(".govuk-form-group");
    const controller = field.form?.elements.namedItem(field.dataset.appShownForField);
    if (!group || !controller) continue;
    const needed = field.dataset.appShownFor.split(" ");
    const update = () => {
      const applies = needed.includes(controller.value);
      const hasError = group.classList.contains("govuk-form-group--error");
      group.hidden = !applies && !hasError;
      if (group.hidden && field.value !== "") {
        field.value = "";
        field.dispatchEvent(new Event("change"));
      }
    };
    controller.addEventListener("change", update);
    update();
  }
}
