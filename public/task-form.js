// Enter in a field of a task form does not complete the task: a person completes it with the button. (Disabling the
// form's default button is not enough: Chromium submits a date field's Enter through the next submit button.)
document.querySelectorAll('form[data-no-enter-submit]').forEach(function (form) {
  form.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type !== 'submit' && target.type !== 'button') {
      event.preventDefault();
    }
  });
});
