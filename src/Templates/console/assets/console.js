// Optional comfort on the upload form: drop a .docx anywhere on the file field's box. The form works without it.
(function () {
  "use strict";
  var zone = document.getElementById("drop-zone");
  var input = document.getElementById("file");
  if (!zone || !input || typeof DataTransfer === "undefined") {
    return;
  }

  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add("dragging");
    });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () {
      zone.classList.remove("dragging");
    });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length > 0) {
      input.files = event.dataTransfer.files;
    }
  });
})();
