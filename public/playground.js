/* The Techvoice playground: talks to the bot exactly as Teams does. Messages and card actions
   are Bot Framework activities posted to /api/messages; the bot's replies come back through
   the server's local connector, which this page polls. */
'use strict';

(function () {
  var views = window.TechvoiceCards;
  var CARD_TYPE = 'application/vnd.microsoft.card.adaptive';
  var FILE_CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
  var FILE_INFO = 'application/vnd.microsoft.teams.card.file.info';
  // The language the persona's Teams client is set to: Techvoice reads it from the activity's locale.
  var LANGUAGES = [
    { locale: 'en-GB', code: 'en', name: 'English', detail: 'Teams in English' },
    { locale: 'cy-GB', code: 'cy', name: 'Cymraeg', detail: 'Teams yn Gymraeg' },
  ];
  var SUGGESTIONS = {
    en: { everyone: ['help', 'feedback', 'pulse', 'actions'], chairs: ['summary', 'pulse new'], admins: ['roles'] },
    cy: { everyone: ['cymorth', 'adborth', 'pwls', 'camau'], chairs: ['crynodeb', 'pwls newydd'], admins: ['rolau'] },
  };
  var state = { setup: null, persona: null, conversationId: null, language: LANGUAGES[0], lastSeq: 0, transcripts: {}, unread: {} };

  function byId(id) { return document.getElementById(id); }

  function make(tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return 'pg-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  }

  function isForum(conversationId) { return conversationId === state.setup.forum.conversationId; }

  function personaOfConversation(conversationId) {
    return state.setup.personas.find(function (p) { return p.conversationId === conversationId; });
  }

  // --- activities, as Teams sends them ---------------------------------------------------

  function activityIn(conversationId) {
    var s = state.setup;
    var p = state.persona;
    var forum = isForum(conversationId);
    return {
      id: uuid(),
      channelId: 'msteams',
      serviceUrl: s.serviceUrl,
      timestamp: new Date().toISOString(),
      locale: state.language.locale,
      from: { id: p.userId, name: p.name, aadObjectId: p.aadObjectId },
      recipient: s.bot,
      conversation: forum
        ? { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: s.tenantId }
        : { id: conversationId, conversationType: 'personal', tenantId: s.tenantId },
      channelData: forum
        ? { tenant: { id: s.tenantId }, team: s.team, channel: { id: conversationId, name: s.forum.name } }
        : { tenant: { id: s.tenantId } },
    };
  }

  function post(activity) {
    return fetch('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) })
      .then(function (response) {
        return response.text().then(function (text) {
          var body = null;
          try { body = text ? JSON.parse(text) : null; } catch (e) { body = text; }
          return { status: response.status, body: body };
        });
      })
      .catch(function () { return { status: 0, body: null }; });
  }

  function explain(result) {
    if (result.status === 0) return 'Techvoice is not answering. Is the server still running?';
    if (result.status === 401) return 'The bot refused the message (401): this server has a MicrosoftAppId, so only Teams can talk to it. Chat in the playground works in local mode.';
    if (result.body && result.body.error) return 'The bot refused that: ' + (result.body.error.message || result.body.error);
    return 'Something went wrong (HTTP ' + result.status + '). Please try again.';
  }

  function showProblem(text) {
    var problem = byId('problem');
    problem.textContent = text || '';
    problem.hidden = !text;
  }

  // --- transcripts -----------------------------------------------------------------------

  function transcript(conversationId) {
    var existing = state.transcripts[conversationId];
    if (existing) return existing;
    var element = make('div', 'transcript');
    element.dataset.conversation = conversationId;
    element.hidden = conversationId !== state.conversationId;
    byId('transcripts').appendChild(element);
    state.transcripts[conversationId] = element;
    return element;
  }

  function scrollDown() {
    var box = byId('transcripts');
    box.scrollTop = box.scrollHeight;
  }

  function addEntry(conversationId, kind, who) {
    var entry = make('div', 'entry ' + kind);
    entry.appendChild(make('div', 'who', who));
    transcript(conversationId).appendChild(entry);
    if (conversationId === state.conversationId) scrollDown();
    else markUnread(conversationId);
    return entry;
  }

  function addUserMessage(conversationId, text) {
    addEntry(conversationId, 'user', state.persona.name).appendChild(make('div', 'bubble', text));
  }

  function drawCard(host, json, conversationId) {
    host.innerHTML = '';
    var problem = make('div', 'card-problem');
    try {
      host.appendChild(views.renderAdaptiveCard(json, function (action) { onCardAction(action, host, conversationId, problem); }));
    } catch (error) {
      host.appendChild(make('div', 'card-problem', 'This card could not be shown: ' + error.message));
    }
    host.appendChild(problem);
  }

  function fillBotEntry(entry, activity, conversationId) {
    if (activity.text) {
      var bubble = make('div', 'bubble');
      bubble.innerHTML = views.markdownToHtml(activity.text);
      entry.appendChild(bubble);
    }
    (activity.attachments || []).forEach(function (attachment) {
      if (attachment.contentType === CARD_TYPE) {
        var host = make('div', 'card-host');
        entry.appendChild(host);
        drawCard(host, attachment.content, conversationId);
      } else if (attachment.contentType === FILE_CONSENT) {
        entry.appendChild(fileOffer(attachment, conversationId));
      } else if (attachment.contentType === FILE_INFO) {
        entry.appendChild(fileLink(attachment));
      } else {
        entry.appendChild(make('div', 'bubble', '[' + (attachment.name || attachment.contentType) + ']'));
      }
    });
  }

  // --- files, through Teams' file consent flow (the playground stands in for OneDrive) -----

  function sizeText(bytes) {
    return bytes >= 1024 ? Math.round(bytes / 1024).toLocaleString('en-GB') + ' KB' : bytes + ' bytes';
  }

  function fileOffer(attachment, conversationId) {
    var content = attachment.content || {};
    var box = make('div', 'file-offer');
    box.appendChild(make('strong', '', attachment.name));
    box.appendChild(make('small', '', ' ' + sizeText(content.sizeInBytes || 0)));
    if (content.description) box.appendChild(make('p', '', content.description));
    var problem = make('div', 'card-problem');
    var buttons = make('div', 'file-buttons');
    var allow = make('button', 'ac-pushButton style-positive', 'Allow');
    var decline = make('button', 'ac-pushButton', 'Decline');
    allow.type = decline.type = 'button';
    function answer(action) {
      allow.disabled = decline.disabled = true;
      var reserved = action === 'accept'
        ? fetch('/playground/files', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: attachment.name }) }).then(function (r) { return r.json(); })
        : Promise.resolve(null);
      return reserved.then(function (place) {
        var activity = activityIn(conversationId);
        activity.type = 'invoke';
        activity.name = 'fileConsent/invoke';
        activity.value = { type: 'fileUpload', action: action, context: action === 'accept' ? content.acceptContext : content.declineContext };
        if (place) activity.value.uploadInfo = { name: attachment.name, uploadUrl: place.uploadUrl, contentUrl: place.contentUrl, uniqueId: place.id, fileType: attachment.name.split('.').pop() };
        return post(activity);
      }).then(function (result) {
        if (result.status < 200 || result.status > 299) problem.textContent = explain(result);
        buttons.hidden = true;
        return poll();
      }).catch(function () { problem.textContent = 'The file could not be saved. Please try again.'; });
    }
    allow.addEventListener('click', function () { answer('accept'); });
    decline.addEventListener('click', function () { answer('decline'); });
    buttons.appendChild(allow);
    buttons.appendChild(decline);
    box.appendChild(buttons);
    box.appendChild(problem);
    return box;
  }

  function fileLink(attachment) {
    var box = make('div', 'file-offer');
    var link = make('a', 'file-link', 'Download ' + attachment.name);
    var url = attachment.contentUrl || '';
    link.href = /^\/playground\/files\//.test(url) ? url : '#';
    link.setAttribute('download', attachment.name);
    box.appendChild(link);
    return box;
  }

  function showBotActivity(logged) {
    var activity = logged.activity;
    if (activity.type && activity.type !== 'message') return;
    if (activity.replaces) {
      var old = transcript(logged.conversationId).querySelector('[data-activity-id="' + CSS.escape(activity.replaces) + '"]');
      if (old) {
        while (old.childNodes.length > 1) old.removeChild(old.lastChild);
        fillBotEntry(old, activity, logged.conversationId);
        return;
      }
    }
    var entry = addEntry(logged.conversationId, 'bot', 'Techvoice');
    entry.dataset.activityId = activity.id;
    fillBotEntry(entry, activity, logged.conversationId);
    if (logged.conversationId === state.conversationId) scrollDown();
  }

  // --- the bot's replies, through the local connector ---------------------------------------

  var polling = Promise.resolve();
  function pollOnce() {
    return fetch('/playground/activities?after=' + state.lastSeq)
      .then(function (response) { return response.ok ? response.json() : { activities: [] }; })
      .then(function (body) {
        body.activities.forEach(function (logged) {
          if (logged.seq <= state.lastSeq) return;
          state.lastSeq = logged.seq;
          showBotActivity(logged);
        });
      })
      .catch(function () { /* the server restarted or stopped: the next poll tries again */ });
  }
  function poll() {
    polling = polling.then(pollOnce, pollOnce);
    return polling;
  }

  // --- sending -----------------------------------------------------------------------------

  function sendText(text) {
    var conversationId = state.conversationId;
    addUserMessage(conversationId, text);
    showProblem('');
    var activity = activityIn(conversationId);
    activity.type = 'message';
    activity.text = text;
    activity.entities = [];
    return post(activity).then(function (result) {
      if (result.status < 200 || result.status > 299) showProblem(explain(result));
      return poll();
    });
  }

  function onCardAction(action, host, conversationId, problem) {
    var type = action.getJsonTypeName();
    if (type === 'Action.OpenUrl') {
      window.open(action.url, '_blank', 'noopener');
      return;
    }
    if (type !== 'Action.Execute' && type !== 'Action.Submit') return;
    var data = Object.assign({}, action.data || {});
    var activity = activityIn(conversationId);
    if (type === 'Action.Execute') {
      activity.type = 'invoke';
      activity.name = 'adaptiveCard/action';
      activity.value = { action: { type: 'Action.Execute', id: action.id, verb: action.verb, data: data }, trigger: 'manual' };
    } else {
      activity.type = 'message';
      activity.value = data;
    }
    problem.textContent = '';
    host.classList.add('busy');
    post(activity).then(function (result) {
      host.classList.remove('busy');
      if (type === 'Action.Execute') {
        // Universal Actions: the card in the invoke response replaces the pressed one.
        if (result.status === 200 && result.body && result.body.type === CARD_TYPE) drawCard(host, result.body.value, conversationId);
        else problem.textContent = explain(result);
      } else if (result.status < 200 || result.status > 299) {
        problem.textContent = explain(result);
      }
      return poll();
    });
  }

  // --- personas and conversations ----------------------------------------------------------

  function markUnread(conversationId) {
    state.unread[conversationId] = true;
    drawSidebar();
  }

  function chooseConversation(conversationId) {
    state.conversationId = conversationId;
    delete state.unread[conversationId];
    Object.keys(state.transcripts).forEach(function (id) { state.transcripts[id].hidden = id !== conversationId; });
    var t = transcript(conversationId);
    if (!t.childNodes.length && !isForum(conversationId)) {
      var hint = make('div', 'entry bot');
      hint.appendChild(make('div', 'who', 'Playground'));
      var bubble = make('div', 'bubble');
      bubble.innerHTML = views.markdownToHtml('This is your chat with Techvoice as **' + state.persona.name + '**. Type **help** to see what you can do.');
      hint.appendChild(bubble);
      t.appendChild(hint);
    }
    var forum = isForum(conversationId);
    byId('chat-title').textContent = forum ? '# ' + state.setup.forum.name : 'Techvoice';
    byId('chat-subtitle').textContent = forum
      ? 'Forum channel of ' + state.setup.team.name + ': you are ' + state.persona.name
      : 'Direct chat: you are ' + state.persona.name + ' (' + state.persona.email + ')';
    drawSidebar();
    drawSuggestions();
    scrollDown();
    byId('message').focus();
  }

  function choosePersona(key) {
    var persona = state.setup.personas.find(function (p) { return p.key === key; }) || state.setup.personas[0];
    var wasForum = state.conversationId && isForum(state.conversationId);
    state.persona = persona;
    chooseConversation(wasForum ? state.setup.forum.conversationId : persona.conversationId);
  }

  function sidebarButton(className, role, selected, title, detail, unread, onClick) {
    var button = make('button', className);
    button.type = 'button';
    button.setAttribute('role', role);
    button.setAttribute(role === 'tab' ? 'aria-selected' : 'aria-checked', String(selected));
    var strong = make('strong', '', title);
    if (unread) strong.appendChild(make('span', 'unread')).setAttribute('aria-label', 'new messages');
    button.appendChild(strong);
    button.appendChild(make('small', '', detail));
    button.addEventListener('click', onClick);
    return button;
  }

  function drawSidebar() {
    var personas = byId('personas');
    personas.innerHTML = '';
    state.setup.personas.forEach(function (p) {
      personas.appendChild(sidebarButton('persona', 'radio', p === state.persona, p.name, p.label, state.unread[p.conversationId], function () { choosePersona(p.key); }));
    });
    var conversations = byId('conversations');
    conversations.innerHTML = '';
    var dm = state.persona.conversationId;
    var forum = state.setup.forum.conversationId;
    conversations.appendChild(sidebarButton('conversation', 'tab', state.conversationId === dm, 'Chat with Techvoice', 'Direct messages', state.unread[dm], function () { chooseConversation(dm); }));
    conversations.appendChild(sidebarButton('conversation', 'tab', state.conversationId === forum, '# ' + state.setup.forum.name, 'Forum channel', state.unread[forum], function () { chooseConversation(forum); }));
    var languages = byId('languages');
    languages.innerHTML = '';
    LANGUAGES.forEach(function (language) {
      var button = sidebarButton('language', 'radio', language === state.language, language.name, language.detail, false, function () { chooseLanguage(language.code); });
      button.lang = language.locale;
      languages.appendChild(button);
    });
  }

  function languageOf(code) {
    return LANGUAGES.find(function (l) { return l.code === code; }) || LANGUAGES[0];
  }

  function chooseLanguage(code) {
    state.language = languageOf(code);
    drawSidebar();
    drawSuggestions();
  }

  function drawSuggestions() {
    var roles = state.persona.roles;
    var suggested = SUGGESTIONS[state.language.code];
    var words = suggested.everyone.slice();
    if (roles.indexOf('chair') >= 0 || roles.indexOf('admin') >= 0) words = words.concat(suggested.chairs);
    if (roles.indexOf('admin') >= 0) words = words.concat(suggested.admins);
    var box = byId('suggestions');
    box.innerHTML = '';
    words.forEach(function (word) {
      var chip = make('button', '', word);
      chip.type = 'button';
      chip.addEventListener('click', function () { sendText(word); });
      box.appendChild(chip);
    });
  }

  byId('composer').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = byId('message');
    var text = input.value.trim();
    if (!text) return;
    input.value = '';
    sendText(text);
  });

  fetch('/playground/setup')
    .then(function (response) { return response.json(); })
    .then(function (setup) {
      state.setup = setup;
      var query = new URLSearchParams(location.search);
      state.language = languageOf(query.get('language'));
      choosePersona(query.get('persona') || 'member');
      return poll();
    })
    .then(function () {
      setInterval(poll, 700);
      document.body.dataset.ready = 'true';
    })
    .catch(function () { showProblem('The playground could not load its set-up. Reload the page.'); });
})();
