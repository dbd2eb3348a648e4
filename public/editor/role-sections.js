// The panel's role sections, from the server's roles: who may start cases (the process's candidateStarterGroups),
// who does a user task (camunda:candidateGroups, in place of a Camunda 8 assignment), and a lane's role given to
// all its user tasks at once.
(function (root) {
  'use strict';

  /** Given the panel's tools: `ui`, `model`, `modeling`, `registry`, `catalogue` and `foreign`. */
  root.RoleSections = function (tools) {
    var ui = tools.ui;
    var model = tools.model;
    var modeling = tools.modeling;
    var catalogue = tools.catalogue;
    var h = ui.h, field = ui.field, select = ui.select, checkbox = ui.checkbox, button = ui.button;
    var bo = model.bo;

    function roleCheckboxes(legend, selected, commit, hint) {
      var chosen = model.splitList(selected);
      var boxes = catalogue.roles.map(function (role) {
        return checkbox(role.name, chosen.indexOf(role.id) !== -1, function (on) {
          var next = catalogue.roles.map(function (r) { return r.id; }).filter(function (id) {
            return id === role.id ? on : chosen.indexOf(id) !== -1;
          });
          chosen = next;
          commit(next.join(','));
        });
      });
      var unknown = chosen.filter(function (id) { return !catalogue.roles.some(function (r) { return r.id === id; }); });
      return h('fieldset', { class: 'field' }, [
        h('legend', { text: legend }),
        hint ? h('p', { class: 'hint', text: hint }) : null,
        unknown.length ? h('p', { class: 'field-error', text: 'Okänd roll: ' + unknown.join(', ') + '. Välj bland rollerna nedan.' }) : null,
        h('div', { class: 'choices' }, boxes),
      ]);
    }

    function starters(element) {
      return roleCheckboxes('Vem får starta ärenden', bo(element).get('camunda:candidateStarterGroups'), function (list) {
        modeling.updateProperties(element, { 'camunda:candidateStarterGroups': list || undefined });
      }, 'Lämna tomt om alla handläggare får starta.');
    }

    function performers(element) {
      return roleCheckboxes('Roll som utför uppgiften', tools.foreign.candidateGroups(bo(element)), function (list) {
        model.asOneStep(function () {
          modeling.updateProperties(element, { 'camunda:candidateGroups': list || undefined });
          model.dropZeebe(element, 'zeebe:assignmentDefinition', ['candidateGroups']);
        });
      }, 'Uppgiften visas i inkorgen för den som har någon av rollerna.');
    }

    function laneSection(element) {
      var tasks = (bo(element).get('flowNodeRef') || []).filter(function (node) { return node.$instanceOf('bpmn:UserTask'); });
      var role = catalogue.roles[0].id;
      var picker = select(catalogue.roles, role, function (v) { role = v; });
      return [
        h('h3', { text: 'Roll för banans uppgifter' }),
        field('Roll', picker, 'Banan har ' + tasks.length + (tasks.length === 1 ? ' användaruppgift' : ' användaruppgifter') + '.'),
        button('Ge banans användaruppgifter rollen', function () {
          model.asOneStep(function () {
            tasks.forEach(function (task) {
              var shape = tools.registry.get(task.id);
              if (shape) modeling.updateProperties(shape, { 'camunda:candidateGroups': role });
            });
            if (!bo(element).name) modeling.updateLabel(element, catalogue.roles.filter(function (r) { return r.id === role; })[0].name);
          });
        }, true),
      ];
    }

    return { starters: starters, performers: performers, lane: laneSection };
  };
})(typeof window !== 'undefined' ? window : globalThis);
