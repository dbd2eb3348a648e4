// The diagram editor page: loads the newest version into bpmn-js Modeler, checks each change on the server and
// publishes the result as the next version.
(function () {
  'use strict';
  var root = document.getElementById('editor');
  if (!root) return;
  var key = root.getAttribute('data-key');
  var status = document.getElementById('editor-status');
  var publishButton = document.getElementById('editor-publish');
  var undoButton = document.getElementById('editor-undo');
  var redoButton = document.getElementById('editor-redo');
  var api = window.EditorApi;

  function say(text, tone) {
    status.textContent = text;
    status.classList.toggle('is-error', tone === 'error');
    status.classList.toggle('is-ok', tone === 'ok');
  }

  if (typeof window.BpmnJS !== 'function') {
    say('Redigeraren kunde inte startas (bpmn-js saknas).', 'error');
    return;
  }

  Promise.all([api.loadSource(root.getAttribute('data-source-url')), api.loadJson('/api/editor/catalogue'), api.loadJson('/assets/camunda-moddle/camunda.json')])
    .then(function (loaded) { return start(loaded[0], loaded[1], loaded[2]); })
    .catch(function (error) { say(error.message, 'error'); });

  function start(source, catalogue, camunda) {
    // A diagram from Operaton Modeler is read as camunda: (as the server reads it) and saved that way.
    var read = window.ForeignSpellings.readOperatonAsCamunda(source);
    var xml = read.xml;
    var note = window.ForeignSpellings.spellingNote(source);
    if (note) {
      var noteNode = document.createElement('p');
      noteNode.className = 'hint';
      noteNode.id = 'editor-spelling-note';
      noteNode.textContent = note;
      root.insertBefore(noteNode, root.querySelector('.editor-toolbar'));
    }
    var modeler = new window.BpmnJS({
      container: document.getElementById('editor-canvas'),
      moddleExtensions: { camunda: camunda },
      additionalModules: [window.EditorPalette],
    });
    var markers = window.CheckMarkers(modeler, document.getElementById('editor-checks-summary'), document.getElementById('editor-checks-list'));
    var commandStack = modeler.get('commandStack');
    var lastCheck = null;
    var checkTimer = null;
    var checkRound = 0;
    var dirty = false;
    var publishing = false;
    /** The version just published, while nothing has changed since: its confirmation stays, whatever a check says. */
    var justPublished = null;
    /** The diagram as last loaded or published; undoing back to it leaves nothing to publish. */
    var baselineXml = null;

    function refreshButtons() {
      undoButton.disabled = !commandStack.canUndo();
      redoButton.disabled = !commandStack.canRedo();
      publishButton.disabled = publishing || !dirty || lastCheck === null || lastCheck.problems.length > 0;
    }

    /** Checks the diagram as it is now; an answer to an older round is dropped when a newer one is under way. */
    function check() {
      var round = ++checkRound;
      lastCheck = null;
      refreshButtons();
      say('Kontrollerar…');
      return modeler.saveXML({ format: true })
        .then(function (saved) {
          if (round === checkRound) dirty = saved.xml !== baselineXml;
          return api.check(key, saved.xml);
        })
        .then(function (answer) {
          if (round !== checkRound) return;
          if (answer.status !== 200) {
            say(answer.body.message || 'Kontrollen kunde inte göras.', 'error');
            return;
          }
          lastCheck = answer.body;
          markers.show(lastCheck);
          if (lastCheck.problems.length) say(lastCheck.problems.length + ' fel att rätta före publicering.', 'error');
          else if (!dirty && justPublished !== null) showPublished(justPublished);
          else say(dirty ? 'Kontrollerat: inga fel. Klart att publicera.' : 'Kontrollerat: inga fel. Inga ändringar att publicera än.', 'ok');
          refreshButtons();
        })
        .catch(function () { if (round === checkRound) say('Kontrollen kunde inte göras: ingen kontakt med servern.', 'error'); });
    }

    function publish() {
      publishing = true;
      refreshButtons();
      say('Publicerar…');
      var sent = null;
      modeler.saveXML({ format: true })
        .then(function (saved) { sent = saved.xml; return api.publish(key, root.getAttribute('data-version'), saved.xml); })
        .then(function (answer) {
          publishing = false;
          if (answer.status === 201) {
            baselineXml = sent;
            // Changes made while the publish was under way are not in it and still wait.
            return modeler.saveXML({ format: true }).then(function (now) {
              dirty = now.xml !== baselineXml;
              return answer;
            });
          }
          return answer;
        })
        .then(function (answer) {
          if (answer.status === 201) {
            root.setAttribute('data-version', String(answer.body.version));
            if (!dirty) justPublished = answer.body.version;
            showPublished(answer.body.version);
          } else if (answer.status === 400 && answer.body.fields) {
            markers.show({ problems: answer.body.fields.map(function (f) { return { elementId: f.field || null, message: f.message }; }), warnings: [] });
            say(answer.body.message || 'Diagrammet kunde inte publiceras.', 'error');
          } else {
            say(answer.body.message || 'Diagrammet kunde inte publiceras (HTTP ' + answer.status + ').', 'error');
          }
          refreshButtons();
        })
        .catch(function () { publishing = false; refreshButtons(); say('Publiceringen kunde inte göras: ingen kontakt med servern. Ändringarna finns kvar här.', 'error'); });
    }

    /** Says the version is published, with a link to the routine's versions. */
    function showPublished(version) {
      say('Version ' + version + ' är publicerad. Nya ärenden startar på den; pågående ärenden fortsätter på sin version.', 'ok');
      var link = document.createElement('a');
      link.href = '/processes/' + encodeURIComponent(key);
      link.textContent = ' Visa versionerna.';
      status.appendChild(link);
    }

    /** The draft as a file, so nothing is lost when it cannot be published. */
    function download() {
      modeler.saveXML({ format: true }).then(function (saved) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(new Blob([saved.xml], { type: 'application/xml' }));
        link.download = key + '-utkast.bpmn';
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
      });
    }

    modeler.importXML(xml)
      .then(function (result) {
        modeler.get('canvas').zoom('fit-viewport');
        if (read.operaton) window.ForeignSpellings.restoreOperatonDeclaration(modeler.getDefinitions());
        window.PropertiesPanel(modeler, document.getElementById('editor-properties'), catalogue, api, {
          routines: api.loadJson('/api/processes'),
          ownKey: key,
        });
        // Every element reachable from the keyboard: the canvas itself can only be pointed at.
        window.ElementPicker(modeler, document.getElementById('editor-goto'));
        if (result.warnings && result.warnings.length) say('Diagrammet lästes med ' + result.warnings.length + ' varningar.');
        modeler.on('commandStack.changed', function () {
          dirty = true; // until the check compares it with the baseline
          justPublished = null;
          lastCheck = null;
          refreshButtons();
          clearTimeout(checkTimer);
          checkTimer = setTimeout(check, 700);
        });
        undoButton.addEventListener('click', function () { commandStack.undo(); });
        redoButton.addEventListener('click', function () { commandStack.redo(); });
        publishButton.addEventListener('click', publish);
        document.getElementById('editor-download').addEventListener('click', download);
        window.addEventListener('beforeunload', function (event) {
          if (dirty) { event.preventDefault(); event.returnValue = ''; }
        });
        return modeler.saveXML({ format: true }).then(function (saved) {
          // A new routine (version 0) has nothing published yet: the diagram as opened is what there is to publish.
          baselineXml = root.getAttribute('data-version') === '0' ? null : saved.xml;
          root.setAttribute('data-ready', 'true');
          return check();
        });
      })
      .catch(function (error) { say('Diagrammet kunde inte läsas: ' + error.message, 'error'); });
  }
})();
