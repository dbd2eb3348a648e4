// A long list of a register's choices (apartments, applicants, users) gets a box above it that narrows the list to
// the options containing what the person types; the select itself stays what is sent, so nothing else can be chosen.
document.querySelectorAll('select[data-searchable]').forEach(function (select) {
  var box = document.createElement('input');
  box.type = 'search';
  box.id = select.id + '-search';
  box.className = 'select-search';
  box.setAttribute('aria-controls', select.id);
  var label = document.createElement('label');
  label.htmlFor = box.id;
  label.className = 'select-search-label';
  label.textContent = 'Sök i listan';
  var count = document.createElement('p');
  count.className = 'hint';
  count.setAttribute('aria-live', 'polite');
  select.parentNode.insertBefore(label, select);
  select.parentNode.insertBefore(box, select);
  select.parentNode.insertBefore(count, select);
  box.addEventListener('input', function () {
    var words = box.value.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
    var shown = 0;
    var firstShown = null;
    Array.prototype.forEach.call(select.options, function (option) {
      if (option.value === '') return;
      var text = option.textContent.toLocaleLowerCase('sv');
      var match = words.every(function (word) { return text.indexOf(word) !== -1; });
      option.hidden = !match;
      option.disabled = !match && !option.selected;
      if (match) { shown += 1; if (!firstShown) firstShown = option; }
    });
    count.textContent = words.length ? shown + (shown === 1 ? ' träff' : ' träffar') : '';
    // One hit is the person's choice; with more they pick from the shorter list.
    if (shown === 1 && firstShown) firstShown.selected = true;
  });
  // Enter in the box must not send the form; it moves to the narrowed list.
  box.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { event.preventDefault(); select.focus(); }
  });
});
