// Initialise GOV.UK Frontend and MoJ Frontend components on every page.
// Both libraries ship as ES modules; base.html loads this file with type="module",
// so browsers without module support get the plain, fully working HTML.
import { initAll as initGovUkFrontend } from "../vendor/govuk-frontend.min.js";
import { initAll as initMojFrontend } from "../vendor/moj-frontend.min.js";
import { initConditionalFields } from "./conditional-fields.js";
import { initPrintButtons } from "./print-button.js";

initGovUkFrontend();
initMojFrontend();
initConditionalFields();
initPrintButtons();
