// The reply form refuses files over the attachment limit before sending anything: the server would
// refuse them too, but only after the upload, and a refused multipart request cannot give back the text.
(function () {
  var input = document.getElementById('files');
  if (!input) {
    return;
  }
  var form = input.form;
  var error = document.getElementById('files-error');
  var max = Number(input.dataset.maxSize);

  function tooLarge() {
    return Array.prototype.filter.call(input.files, function (file) { return file.size > max; });
  }

  function check() {
    var refused = tooLarge();
    if (refused.length === 0) {
      input.classList.remove('is-invalid');
      error.textContent = '';
      return true;
    }
    input.classList.add('is-invalid');
    error.textContent = refused.map(function (f) { return f.name; }).join(', ') + ': files can be at most '
        + input.dataset.maxLabel + '. Remove ' + (refused.length === 1 ? 'it' : 'them') + ' to send.';
    return false;
  }

  input.addEventListener('change', check);
  form.addEventListener('submit', function (event) {
    if (!check()) {
      event.preventDefault();
      input.focus();
    }
  });
}());
