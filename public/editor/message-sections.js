// The panel's sections that point at the file's root elements: the message a receive task or message event waits
// for (chosen, or made by name), and the business error an error boundary event catches (from the handlers' errors).
(function (root) {
  'use strict';

  /** Given the panel's tools: `ui`, `model`, `modeling`, `catalogue` and `render`. */
  root.MessageSections = function (tools) {
    var ui = tools.ui;
    var model = tools.model;
    var modeling = tools.modeling;
    var catalogue = tools.catalogue;
    var h = ui.h, field = ui.field, select = ui.select, button = ui.button;

    /** Which message a receive task or message event waits for; API clients deliver it by its name. */
    function messageSection(element, holder) {
      var messages = model.rootElementsOf('bpmn:Message');
      var chosen = holder.messageRef ? holder.messageRef.id : '';
      var options = [{ id: '', name: '— Välj meddelande —' }].concat(messages.map(function (m) { return { id: m.id, name: m.name || m.id }; }));
      var nodes = [h('h3', { text: 'Meddelande' })];
      nodes.push(field('Väntar på meddelandet', select(options, chosen, function (id) {
        var message = messages.filter(function (m) { return m.id === id; })[0];
        modeling.updateModdleProperties(element, holder, { messageRef: message || undefined });
      }), 'Meddelandet levereras till ärendet med sitt namn (POST /api/instances/:id/messages/:namn).'));
      var name = h('input', { type: 'text' });
      nodes.push(field('Eller ett nytt meddelande med namnet', name, 'Till exempel brukarenAvliden.'));
      nodes.push(button('Skapa och välj meddelandet', function () {
        var text = name.value.trim();
        if (!text) { name.focus(); return; }
        model.asOneStep(function () {
          var message = model.rootElementsOf('bpmn:Message').filter(function (m) { return m.name === text; })[0] || model.addRootElement(element, 'bpmn:Message', { name: text });
          modeling.updateModdleProperties(element, holder, { messageRef: message });
        });
        tools.render(element);
      }, true));
      return nodes;
    }

    /** Which business error of a service an error boundary event catches, from the errors the handlers raise. */
    function errorSection(element, definition) {
      var caught = definition.errorRef ? definition.errorRef.errorCode : '';
      var options = [{ id: '', name: '— Välj fel —' }].concat(catalogue.businessErrors.map(function (e) { return { id: e.code, name: e.name + ' (' + e.code + ')' }; }));
      return [h('h3', { text: 'Fel som fångas' }), field('Fel', select(options, caught, function (code) {
        var known = catalogue.businessErrors.filter(function (e) { return e.code === code; })[0];
        model.asOneStep(function () {
          if (!known) return modeling.updateModdleProperties(element, definition, { errorRef: undefined });
          var error = model.rootElementsOf('bpmn:Error').filter(function (e) { return e.errorCode === code; })[0] || model.addRootElement(element, 'bpmn:Error', { name: known.name, errorCode: code });
          modeling.updateModdleProperties(element, definition, { errorRef: error });
        });
      }), 'Tjänsten i uppgiften som händelsen sitter på kan ge dessa fel; flödet fortsätter då härifrån.')];
    }

    return { message: messageSection, error: errorSection };
  };
})(typeof window !== 'undefined' ? window : globalThis);
