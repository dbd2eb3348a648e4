// The editor's properties panel: only what our engine runs (names, documentation, roles, forms, timers, due dates,
// service tasks from the handler catalogue, FEEL conditions). Every change is a bpmn-js command, so Ångra works.
// This file chooses the sections for the selected element and redraws them; each section has its own file.
(function () {
  'use strict';

  var typeNames = {
    'bpmn:Process': 'Process',
    'bpmn:Participant': 'Deltagare',
    'bpmn:Lane': 'Bana',
    'bpmn:UserTask': 'Användaruppgift',
    'bpmn:ServiceTask': 'Tjänsteuppgift',
    'bpmn:SendTask': 'Sändande uppgift',
    'bpmn:ReceiveTask': 'Mottagande uppgift',
    'bpmn:Task': 'Uppgift',
    'bpmn:StartEvent': 'Starthändelse',
    'bpmn:EndEvent': 'Sluthändelse',
    'bpmn:IntermediateCatchEvent': 'Mellanliggande händelse',
    'bpmn:IntermediateThrowEvent': 'Mellanliggande händelse',
    'bpmn:BoundaryEvent': 'Gränshändelse',
    'bpmn:ExclusiveGateway': 'Exklusiv gateway',
    'bpmn:ParallelGateway': 'Parallell gateway',
    'bpmn:EventBasedGateway': 'Händelsebaserad gateway',
    'bpmn:InclusiveGateway': 'Inkluderande gateway',
    'bpmn:SequenceFlow': 'Flöde',
    'bpmn:CallActivity': 'Anropsaktivitet',
    'bpmn:SubProcess': 'Delprocess',
    'bpmn:TextAnnotation': 'Kommentar',
  };

  /** `options.routines`: a promise of the published routines ({ key, name }); `options.ownKey`: the routine edited. */
  window.PropertiesPanel = function (modeler, container, catalogue, api, options) {
    var foreign = window.ForeignSpellings;
    var modeling = modeler.get('modeling');
    var canvas = modeler.get('canvas');
    var registry = modeler.get('elementRegistry');
    var eventBus = modeler.get('eventBus');
    var current = null;

    var ui = window.PanelDom();
    var model = window.PanelModel(modeler, foreign);
    var h = ui.h, bo = model.bo, isA = model.isA;
    var tools = { ui: ui, model: model, modeler: modeler, modeling: modeling, registry: registry, catalogue: catalogue, api: api, foreign: foreign, render: render };
    var general = window.GeneralSections(tools);
    var roles = window.RoleSections(tools);
    var forms = window.FormFieldsSection(tools);
    var time = window.TimerSections(tools);
    var service = window.ServiceSection(tools);
    var messages = window.MessageSections(tools);
    var conditions = window.ConditionSection(tools);

    function sectionsFor(element) {
      var businessObject = bo(element);
      var nodes = [];
      if (businessObject.$type === 'bpmn:Task' || businessObject.$type === 'bpmn:ManualTask') return general.general(element).concat(general.typeChoice(element));
      if (catalogue.refusedTypes[businessObject.$type]) return [h('p', { class: 'field-error', text: catalogue.refusedTypes[businessObject.$type] })];
      nodes = nodes.concat(general.general(element));
      if (isA(element, 'bpmn:Process')) nodes.push(roles.starters(element));
      if (isA(element, 'bpmn:UserTask')) {
        nodes.push(roles.performers(element));
        nodes.push(time.dueDate(element));
        nodes = nodes.concat(structure.multiInstance(element));
        nodes = nodes.concat(forms.formFields(element));
      }
      if (isA(element, 'bpmn:CallActivity')) nodes = nodes.concat(structure.callActivity(element));
      if (model.isProcessStart(element)) nodes = nodes.concat(forms.formFields(element));
      if (isA(element, 'bpmn:ServiceTask') || isA(element, 'bpmn:SendTask')) nodes = nodes.concat(service.service(element));
      if (isA(element, 'bpmn:StartEvent')) nodes = nodes.concat(structure.eventStart(element));
      if (isA(element, 'bpmn:Event')) {
        (businessObject.get('eventDefinitions') || []).forEach(function (definition) {
          if (definition.$type === 'bpmn:TimerEventDefinition') nodes = nodes.concat(time.timer(element, definition));
          if (definition.$type === 'bpmn:MessageEventDefinition') nodes = nodes.concat(messages.message(element, definition));
          if (definition.$type === 'bpmn:ErrorEventDefinition') nodes = nodes.concat(messages.error(element, definition));
        });
      }
      if (isA(element, 'bpmn:ReceiveTask')) nodes = nodes.concat(messages.message(element, businessObject));
      if (isA(element, 'bpmn:SequenceFlow')) nodes = nodes.concat(conditions.condition(element));
      if (isA(element, 'bpmn:Lane')) nodes = nodes.concat(roles.lane(element));
      nodes.push(general.documentation(element));
      return nodes;
    }

    function render(element) {
      current = element || canvas.getRootElement();
      if (current.labelTarget) current = current.labelTarget;
      var businessObject = bo(current);
      container.textContent = '';
      var typeName = businessObject.triggeredByEvent ? 'Händelsestyrd delprocess' : typeNames[businessObject.$type] || businessObject.$type.replace('bpmn:', '');
      container.appendChild(h('h2', { text: typeName + (businessObject.name ? ': ' + businessObject.name : '') }));
      container.appendChild(h('p', { class: 'hint', text: 'Id: ' + businessObject.id }));
      sectionsFor(current).forEach(function (node) { container.appendChild(node); });
    }

    var structure = window.StructureSections({
      ui: { h: h, field: ui.field, select: ui.select, checkbox: ui.checkbox, textInput: ui.textInput },
      modeling: modeling,
      moddle: modeler.get('moddle'),
      render: function (element) { if (current === element) render(element); },
      routines: (options && options.routines) || Promise.resolve([]),
      ownKey: options && options.ownKey,
    });

    eventBus.on('selection.changed', function (event) { render(event.newSelection[0]); });
    // Undo/redo or a change on the canvas: redraw the panel, unless the user is typing in it. A press on a panel
    // button can itself end a label edit on the canvas; redrawing then would swap the button before its click lands,
    // so the redraw waits until the press is over.
    var pressed = false;
    var redrawAfterPress = false;
    function redraw() { render(registry.get(current.id) || null); }
    container.addEventListener('pointerdown', function () { pressed = true; }, true);
    document.addEventListener('pointerup', function () {
      if (!pressed) return;
      pressed = false;
      if (redrawAfterPress) {
        redrawAfterPress = false;
        setTimeout(function () { if (!container.contains(document.activeElement) || document.activeElement.tagName === 'BUTTON') redraw(); }, 0);
      }
    }, true);
    eventBus.on('elements.changed', function (event) {
      if (!current || !event.elements.some(function (e) { return e === current || e.id === current.id; })) return;
      if (pressed) redrawAfterPress = true;
      else if (!container.contains(document.activeElement)) redraw();
    });
    render(null);
    return { render: render, current: function () { return current; } };
  };
})();
