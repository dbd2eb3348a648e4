// The panel's sections every element has: its name (a comment's text; the process's name and fixed id), its
// documentation, and for a task without a type the choice of the two kinds the engine runs.
(function (root) {
  'use strict';

  /** Given the panel's tools: `ui`, `model`, `modeler`, `modeling` and `catalogue`. */
  root.GeneralSections = function (tools) {
    var ui = tools.ui;
    var model = tools.model;
    var modeling = tools.modeling;
    var h = ui.h, field = ui.field, textInput = ui.textInput, button = ui.button;
    var bo = model.bo, isA = model.isA;

    function generalSection(element) {
      var nodes = [];
      var businessObject = bo(element);
      if (isA(element, 'bpmn:TextAnnotation')) {
        // A comment's words are its text, not a name; bpmn-js's label handling writes them there.
        nodes.push(field('Text', textInput(businessObject.text, function (value) { modeling.updateLabel(element, value); }, { multiline: true })));
      } else if (!isA(element, 'bpmn:Process')) {
        nodes.push(field('Namn', textInput(businessObject.name, function (value) { modeling.updateLabel(element, value); })));
      } else {
        nodes.push(field('Namn', textInput(businessObject.name, function (value) { modeling.updateProperties(element, { name: value }); }), 'Rutinens namn som det visas för handläggarna.'));
        var id = h('input', { type: 'text', readOnly: true });
        id.value = businessObject.id;
        nodes.push(field('Processens id', id, 'Id:t kan inte ändras: det binder ihop alla versioner av rutinen.'));
      }
      return nodes;
    }

    /** Last in the panel: what the step means matters, but the fields the engine reads come first. */
    function documentationField(element) {
      var businessObject = bo(element);
      return field('Dokumentation', textInput(model.documentationText(businessObject), function (value) {
        modeling.updateProperties(element, { documentation: value.trim() ? [model.create('bpmn:Documentation', { text: value })] : [] });
      }, { multiline: true }), 'Vad steget innebär, gärna med rutinens egen formulering.');
    }

    /** A task without a type does nothing when a case reaches it; offer the two kinds the engine runs. */
    function typeChoice(element) {
      var reason = tools.catalogue.refusedTypes[bo(element).$type];
      var replace = tools.modeler.get('bpmnReplace');
      var turnInto = function (type) {
        return function () {
          var replaced = replace.replaceElement(element, { type: type });
          tools.modeler.get('selection').select(replaced);
        };
      };
      return [
        h('p', { class: 'field-error', text: reason }),
        h('div', { class: 'form-actions' }, [
          button('Användaruppgift (någon fyller i ett formulär)', turnInto('bpmn:UserTask'), true),
          button('Tjänsteuppgift (systemet gör något)', turnInto('bpmn:ServiceTask'), true),
        ]),
      ];
    }

    return { general: generalSection, documentation: documentationField, typeChoice: typeChoice };
  };
})(typeof window !== 'undefined' ? window : globalThis);
