// The panel's section of a flow out of an exclusive or inclusive gateway: whether it is the gateway's default flow,
// and otherwise its FEEL condition over the case's variables.
(function (root) {
  'use strict';

  /** Given the panel's tools: `ui`, `model`, `modeling`, `registry` and `render`. */
  root.ConditionSection = function (tools) {
    var ui = tools.ui;
    var modeling = tools.modeling;
    var h = ui.h, field = ui.field, textInput = ui.textInput, checkbox = ui.checkbox;

    function conditionSection(element) {
      var flow = tools.model.bo(element);
      var source = flow.sourceRef;
      if (!source || !(source.$instanceOf('bpmn:ExclusiveGateway') || source.$instanceOf('bpmn:InclusiveGateway'))) return [];
      var sourceShape = tools.registry.get(source.id);
      var isDefault = source.default === flow;
      var nodes = [h('h3', { text: 'Villkor' })];
      nodes.push(checkbox('Standardflöde (väljs när inget villkor gäller)', isDefault, function (on) {
        modeling.updateProperties(sourceShape, { default: on ? flow : undefined });
        tools.render(element);
      }));
      if (!isDefault) {
        var body = flow.conditionExpression ? flow.conditionExpression.body || '' : '';
        nodes.push(field('Villkor (FEEL)', textInput(body, function (v) {
          modeling.updateProperties(element, { conditionExpression: v.trim() ? tools.model.create('bpmn:FormalExpression', { body: v.trim() }) : undefined });
        }), 'Läser ärendets variabler, t.ex. svar = "ja" eller antalRum > 1.'));
      }
      return nodes;
    }

    return { condition: conditionSection };
  };
})(typeof window !== 'undefined' ? window : globalThis);
