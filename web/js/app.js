// Lightbulb progressive enhancement. Loaded as:
//   <script type="module" src="/static/app.js"></script>
// Every page works without it.
import { initAll } from "./govuk-frontend.min.js";

// GOV.UK Frontend only starts when <body> has this class. The layout may set
// it with GOV.UK's inline snippet; setting it here as well keeps components
// working under a Content-Security-Policy that forbids inline scripts.
document.body.classList.add("js-enabled", "govuk-frontend-supported");

function reportError(error) {
  // Content swapped in twice is already initialised: not worth a log line.
  if (error && error.name !== "InitError") console.error(error);
}

initAll({ onError: reportError });

// Initialise GOV.UK components inside content that htmx swaps in.
document.addEventListener("htmx:load", (event) => {
  const scope = event.detail && event.detail.elt;
  if (scope instanceof Element && scope !== document.body) {
    initAll({ scope, onError: reportError });
  }
});
