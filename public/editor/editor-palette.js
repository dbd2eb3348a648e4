// The palette and the replace menu offer what the engine runs: sub-processes, event sub-processes and call
// activities are added; what never runs (scripts, rule tasks, complex gateways, transactions, ad hoc sub-processes,
// conditional, link, compensation and caught signal or escalation events, loops) is taken away. A bpmn-js module.
(function (root) {
  'use strict';

  /** Replace-menu entries (replace-with-<id>) for elements and events the server's checks refuse. */
  var neverRuns = [
    /^replace-with-(manual|rule|script)-task$/, /complex-gateway$/, /transaction$/, /ad-hoc/,
    /conditional-(start|intermediate|boundary)/, /non-interrupting-conditional/, /^replace-with-link-/, /compensation/,
    /cancel-(boundary|end)$/, /signal-(start|intermediate-catch|boundary)$/, /escalation-(start|boundary)$/,
  ];
  /** Palette entries that draw things a case never uses. */
  var notOffered = ['create.data-object', 'create.data-store', 'create.participant-expanded'];

  function isRefused(id) { return neverRuns.some(function (pattern) { return pattern.test(id); }); }

  function EditorPalette(palette, create, elementFactory, popupMenu) {
    palette.registerProvider(500, this);
    popupMenu.registerProvider('bpmn-replace', 500, this);

    function createCallActivity(event) {
      create.start(event, elementFactory.createShape({ type: 'bpmn:CallActivity' }));
    }
    // Like bpmn-js's own expanded sub-process, with a timer start inside, so it is an event sub-process from the start.
    function createEventSubProcess(event) {
      var subProcess = elementFactory.createShape({ type: 'bpmn:SubProcess', x: 0, y: 0, isExpanded: true, triggeredByEvent: true });
      var start = elementFactory.createShape({ type: 'bpmn:StartEvent', eventDefinitionType: 'bpmn:TimerEventDefinition', x: 40, y: 82, parent: subProcess });
      create.start(event, [subProcess, start], { hints: { autoSelect: [subProcess] } });
    }

    this.getPaletteEntries = function () {
      return function (entries) {
        notOffered.forEach(function (id) { delete entries[id]; });
        if (entries['create.subprocess-expanded']) entries['create.subprocess-expanded'].title = 'Skapa delprocess';
        entries['create.event-subprocess'] = {
          group: 'activity',
          className: 'bpmn-icon-event-subprocess-expanded',
          title: 'Skapa händelsestyrd delprocess (startar av en timer eller ett meddelande medan ärendet pågår)',
          action: { dragstart: createEventSubProcess, click: createEventSubProcess },
        };
        entries['create.call-activity'] = {
          group: 'activity',
          className: 'bpmn-icon-call-activity',
          title: 'Skapa anropsaktivitet (startar en annan rutin och väntar på den)',
          action: { dragstart: createCallActivity, click: createCallActivity },
        };
        return entries;
      };
    };

    this.getPopupMenuEntries = function () {
      return function (entries) {
        Object.keys(entries).forEach(function (id) { if (isRefused(id)) delete entries[id]; });
        return entries;
      };
    };

    // A plain loop never ends by itself; only multi-instance runs (on user tasks, from the properties panel).
    this.getPopupMenuHeaderEntries = function () {
      return function (entries) {
        delete entries['toggle-loop'];
        return entries;
      };
    };
  }
  EditorPalette.$inject = ['palette', 'create', 'elementFactory', 'popupMenu'];

  root.EditorPalette = { __init__: ['editorPalette'], editorPalette: ['type', EditorPalette] };
  root.EditorPalette.isRefused = isRefused;
})(typeof window !== 'undefined' ? window : globalThis);
