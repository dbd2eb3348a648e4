// The panel's time sections: a timer event's kind and value, a user task's due date (camunda:dueDate), and the line
// under either that says in words what the value means, as the server reads it (/api/editor/timer-words).
(function (root) {
  'use strict';

  /** Given the panel's tools: `ui`, `model`, `modeling`, `catalogue`, `api` (timerWords) and `foreign`. */
  root.TimerSections = function (tools) {
    var ui = tools.ui;
    var model = tools.model;
    var modeling = tools.modeling;
    var catalogue = tools.catalogue;
    var h = ui.h, field = ui.field, textInput = ui.textInput, select = ui.select, checkbox = ui.checkbox;

    function timerWordsLine(kind, value) {
      var line = h('p', { class: 'timer-words', 'aria-live': 'polite' });
      var timer = null;
      var asked = 0;
      function update(k, v) {
        clearTimeout(timer);
        var round = ++asked;
        if (!v.trim()) { line.textContent = ''; return; }
        timer = setTimeout(function () {
          tools.api.timerWords(k, v).then(function (answer) {
            if (round !== asked) return; // an answer to an older value
            line.classList.toggle('is-error', !answer.ok);
            line.textContent = answer.ok ? 'Betyder: ' + answer.text : answer.message;
          }, function () { if (round === asked) line.textContent = 'Förhandsvisningen kunde inte hämtas.'; });
        }, 250);
      }
      update(kind, value);
      return { node: line, update: update };
    }

    function dueDateSection(element) {
      var value = tools.foreign.dueDate(model.bo(element));
      var words = timerWordsLine('dueDate', value);
      var input = textInput(value, function (v) {
        model.asOneStep(function () {
          modeling.updateProperties(element, { 'camunda:dueDate': v.trim() || undefined });
          model.dropZeebe(element, 'zeebe:taskSchedule', ['dueDate']);
        });
      });
      input.addEventListener('input', function () { words.update('dueDate', input.value); });
      var wrap = field('Förfallodatum', input, 'Till exempel P14D (14 dagar efter att uppgiften skapats) eller =date(beslutsdatum) + duration("P3M"). Lämna tomt om uppgiften inte har något.');
      wrap.insertBefore(words.node, input.nextSibling);
      return wrap;
    }

    function timerSection(element, definition) {
      // The kinds come from the server's catalogue; a timer without a value gets the first (a duration).
      var kindIds = catalogue.timerKinds.map(function (k) { return k.id; });
      var kind = kindIds.filter(function (k) { return definition.get(k); })[0] || kindIds[0];
      var value = definition.get(kind) ? definition.get(kind).body || '' : '';
      var words = timerWordsLine(kind, value);
      function commit(nextKind, nextValue) {
        // Clear the other kinds: a timer with more than one is refused at publish.
        var props = {};
        kindIds.forEach(function (k) { props[k] = undefined; });
        props[nextKind] = model.create('bpmn:FormalExpression', { body: nextValue.trim() }, definition);
        modeling.updateModdleProperties(element, definition, props);
      }
      var input = textInput(value, function (v) { commit(kind, v); }, { multiline: true });
      input.rows = 2;
      input.addEventListener('input', function () { words.update(kind, input.value); });
      var kindSelect = select(catalogue.timerKinds, kind, function (v) { kind = v; commit(kind, input.value); words.update(kind, input.value); });
      var nodes = [h('h3', { text: 'Timer' }), field('Sort', kindSelect)];
      var valueField = field('Värde', input, 'ISO 8601 som P14D, P3M, R/P3M eller 2027-04-30, eller FEEL som börjar med =, t.ex. ="R/" + string(date(beslutsdatum) + duration("P3M")) + "/P3M".');
      valueField.insertBefore(words.node, input.nextSibling);
      nodes.push(valueField);
      if (model.isA(element, 'bpmn:BoundaryEvent')) {
        nodes.push(checkbox('Avbryter uppgiften när timern löser ut', model.bo(element).cancelActivity !== false, function (on) {
          modeling.updateProperties(element, { cancelActivity: on });
        }));
      }
      return nodes;
    }

    return { dueDate: dueDateSection, timer: timerSection };
  };
})(typeof window !== 'undefined' ? window : globalThis);
