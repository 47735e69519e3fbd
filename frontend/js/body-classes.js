// GOV.UK Frontend's body classes, set before the page is drawn so that components styled for
// JavaScript do not flash. A file rather than inline script, so the Content-Security-Policy
// can refuse every inline script. base.html loads it first thing in <body>, without defer.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
