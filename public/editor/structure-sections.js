// The panel's sections for structure that runs: a call activity's called routine (from the published routines) and
// a user task done once per item of a list (multi-instance), written as the engine reads them
// (calledElement; camunda:collection="=lista", camunda:elementVariable, isSequential).
(function (root) {
  'use strict';

  /** `=lista` → `lista`, for showing; anything else as written, so nothing is hidden. */
  function listName(collection) {
    var text = typeof collection === 'string' ? collection.trim() : '';
    return text.charAt(0) === '=' ? text.slice(1).trim() : text;
  }

  /** What to write for a list name typed in the panel: `=name` (FEEL, as the engine reads it), nothing for none. */
  function collectionFor(typed) {
    var text = (typed || '').trim().replace(/^=\s*/, '');
    return text ? '=' + text : undefined;
  }

  /** The routines a call activity may call: every published one but the routine being edited, by name. */
  function calledChoices(routines, ownKey, current) {
    var choices = routines.filter(function (r) { return r.key !== ownKey; }).map(function (r) { return { id: r.key, name: r.name + ' (' + r.key + ')' }; });
    choices.sort(function (a, b) { return a.name.localeCompare(b.name, 'sv'); });
    if (current && !choices.some(function (c) { return c.id === current; })) choices.unshift({ id: current, name: current + ' (inte publicerad)' });
    return [{ id: '', name: '— Välj rutin —' }].concat(choices);
  }

  /**
   * The sections, given the panel's tools: `ui` (h, field, select, checkbox, textInput), `modeling`, `moddle`,
   * `asOneStep`, `render`, `routines` (a promise of the published routines) and `ownKey`.
   */
  root.StructureSections = function (tools) {
    var ui = tools.ui;
    var routines = null;
    tools.routines.then(function (list) { routines = list; }, function () { routines = []; });

    function callActivity(element) {
      var bo = element.businessObject;
      var nodes = [ui.h('h3', { text: 'Rutin som startas' })];
      if (routines === null) {
        nodes.push(ui.h('p', { class: 'hint', text: 'Rutinerna hämtas…' }));
        tools.routines.then(function () { tools.render(element); }, function () { tools.render(element); });
        return nodes;
      }
      nodes.push(ui.field('Anropad rutin', ui.select(calledChoices(routines, tools.ownKey, bo.calledElement), bo.calledElement || '', function (key) {
        tools.modeling.updateProperties(element, { calledElement: key || undefined });
      }), 'Ärendet startar ett eget ärende i den rutinens senaste version och fortsätter här när det är klart. Variablerna följer med dit och tillbaka.'));
      return nodes;
    }

    function multiInstance(element) {
      var bo = element.businessObject;
      var loop = bo.loopCharacteristics && bo.loopCharacteristics.$type === 'bpmn:MultiInstanceLoopCharacteristics' ? bo.loopCharacteristics : null;
      var nodes = [ui.h('h3', { text: 'En uppgift per post i en lista' })];
      nodes.push(ui.checkbox('Gör uppgiften en gång för varje post i en lista', Boolean(loop), function (on) {
        var made = on ? tools.moddle.create('bpmn:MultiInstanceLoopCharacteristics', { isSequential: false }) : undefined;
        if (made) {
          made.set('camunda:elementVariable', 'post');
          made.$parent = bo;
        }
        tools.modeling.updateProperties(element, { loopCharacteristics: made });
        tools.render(element);
      }));
      if (!loop) return nodes;
      nodes.push(ui.field('Lista', ui.textInput(listName(loop.get('camunda:collection')), function (v) {
        tools.modeling.updateModdleProperties(element, loop, { 'camunda:collection': collectionFor(v) });
      }), 'Namnet på en variabel som är en lista, t.ex. barnen. Uppgiften skapas en gång för varje post.'));
      nodes.push(ui.field('Namn på posten', ui.textInput(loop.get('camunda:elementVariable') || '', function (v) {
        tools.modeling.updateModdleProperties(element, loop, { 'camunda:elementVariable': v.trim() || undefined });
      }), 'Varje uppgift läser sin post under det här namnet, t.ex. post eller barn.'));
      nodes.push(ui.field('Ordning', ui.select([
        { id: 'parallel', name: 'Alla på en gång (parallellt)' },
        { id: 'sequential', name: 'En i taget (i listans ordning)' },
      ], loop.isSequential ? 'sequential' : 'parallel', function (v) {
        tools.modeling.updateModdleProperties(element, loop, { isSequential: v === 'sequential' });
      })));
      return nodes;
    }

    /** The start of an event sub-process: whether it stops the rest of the case (its steps) when it starts. */
    function eventStart(element) {
      var bo = element.businessObject;
      var parent = bo.$parent;
      if (!parent || parent.$type !== 'bpmn:SubProcess' || parent.triggeredByEvent !== true) return [];
      return [ui.h('h3', { text: 'Händelsestyrd delprocess' }), ui.checkbox('Avbryter ärendets övriga steg när den startar', bo.isInterrupting !== false, function (on) {
        tools.modeling.updateProperties(element, { isInterrupting: on });
      })];
    }

    return { callActivity: callActivity, multiInstance: multiInstance, eventStart: eventStart };
  };

  root.StructureSections.listName = listName;
  root.StructureSections.collectionFor = collectionFor;
  root.StructureSections.calledChoices = calledChoices;
})(typeof window !== 'undefined' ? window : globalThis);
