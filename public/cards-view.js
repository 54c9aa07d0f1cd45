/* Techvoice card views for the playground and the gallery: Adaptive Cards through the real
   renderer (adaptivecards, loaded before this file), and a simple Slack Block Kit preview. */
'use strict';

window.TechvoiceCards = (function () {
  var AC = window.AdaptiveCards;

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** The Markdown subset Teams shows in cards: bold, italic, code, links, line breaks. */
  function markdownToHtml(text) {
    return escapeHtml(text)
      .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>')
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[\s(])_([^_\n]+)_(?=$|[\s).,!?;:])/g, '$1<em>$2</em>')
      .replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/ {2}\n|\n/g, '<br>');
  }

  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = markdownToHtml(text);
    result.didProcess = true;
  };

  // --- dates as people in the UK write them -----------------------------------------------
  // A native <input type="date"> follows the browser's locale (often US, MM/DD/YYYY), whatever
  // the page's language. Teams shows dates in the user's locale; the playground's is en-GB.

  function isoToGb(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return m ? m[3] + '/' + m[2] + '/' + m[1] : '';
  }

  /** DD/MM/YYYY (or D/M/YYYY) to YYYY-MM-DD; anything else is passed on for the bot to refuse. */
  function gbToIso(text) {
    var m = /^\s*(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})\s*$/.exec(text || '');
    if (!m) return String(text || '').trim();
    return m[3] + '-' + ('0' + m[2]).slice(-2) + '-' + ('0' + m[1]).slice(-2);
  }

  class EnGbDateInput extends AC.DateInput {
    internalRender() {
      var input = document.createElement('input');
      input.type = 'text';
      input.inputMode = 'numeric';
      input.placeholder = 'DD/MM/YYYY';
      input.autocomplete = 'off';
      input.className = this.hostConfig.makeCssClassName('ac-input', 'ac-dateInput');
      input.style.width = '100%';
      input.tabIndex = this.isDesignMode() ? -1 : 0;
      input.oninput = () => this.valueChanged();
      if (this.defaultValue) input.value = isoToGb(this.defaultValue);
      this._dateInputElement = input;
      return input;
    }
    get value() {
      return this._dateInputElement ? gbToIso(this._dateInputElement.value) : undefined;
    }
  }
  AC.GlobalRegistry.elements.register('Input.Date', EnGbDateInput, AC.Versions.v1_0);

  /** A 24-hour clock (HH:MM), as in the UK; a native time input may show 05:00 PM. */
  class TwentyFourHourTimeInput extends AC.TimeInput {
    internalRender() {
      var input = document.createElement('input');
      input.type = 'text';
      input.inputMode = 'numeric';
      input.placeholder = 'HH:MM';
      input.autocomplete = 'off';
      input.className = this.hostConfig.makeCssClassName('ac-input', 'ac-timeInput');
      input.style.width = '100%';
      input.tabIndex = this.isDesignMode() ? -1 : 0;
      input.oninput = () => this.valueChanged();
      if (this.defaultValue) input.value = this.defaultValue.slice(0, 5);
      this._timeInputElement = input;
      return input;
    }
    get value() {
      if (!this._timeInputElement) return undefined;
      var m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(this._timeInputElement.value);
      return m ? ('0' + m[1]).slice(-2) + ':' + m[2] : this._timeInputElement.value.trim();
    }
  }
  AC.GlobalRegistry.elements.register('Input.Time', TwentyFourHourTimeInput, AC.Versions.v1_0);

  var hostConfig = new AC.HostConfig({
    fontFamily: "'Segoe UI', system-ui, -apple-system, sans-serif",
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    containerStyles: {
      default: {
        backgroundColor: '#FFFFFF',
        foregroundColors: {
          default: { default: '#242424', subtle: '#616161' },
          accent: { default: '#5B5FC7', subtle: '#6264A7' },
          good: { default: '#237B4B', subtle: '#237B4B' },
          warning: { default: '#835C00', subtle: '#835C00' },
          attention: { default: '#C4314B', subtle: '#C4314B' },
        },
      },
      emphasis: { backgroundColor: '#F5F5F5' },
    },
    actions: { maxActions: 6, buttonSpacing: 8, showCard: { actionMode: 'inline' }, actionsOrientation: 'horizontal', actionAlignment: 'left' },
  });

  /** Renders an Adaptive Card; `onAction(action, element)` gets every button press. */
  function renderAdaptiveCard(json, onAction) {
    var card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = function (action) { onAction(action); };
    card.parse(json);
    var element = card.render();
    if (!element) throw new Error('The card could not be rendered.');
    return element;
  }

  // --- Slack Block Kit preview -------------------------------------------------------------

  /** The emoji codes Techvoice's Block Kit uses, and a few common ones, as Slack draws them. */
  var EMOJI = {
    warning: '⚠️', white_check_mark: '✅', heavy_check_mark: '✔️', x: '❌', bell: '🔔', memo: '📝',
    bar_chart: '📊', speech_balloon: '💬', calendar: '📅', tada: '🎉', wave: '👋', thumbsup: '👍', '+1': '👍',
    red_circle: '🔴', large_orange_circle: '🟠', large_green_circle: '🟢', information_source: 'ℹ️',
  };

  function emojify(html) {
    return html.replace(/:([a-z0-9_+\-]+):/g, function (code, name) { return EMOJI[name] || code; });
  }

  /** Slack mrkdwn: *bold*, _italic_, ~strike~, `code`, <url|text> links, :emoji: codes. Slack escapes & < > itself. */
  function mrkdwnToHtml(text) {
    var parts = String(text).split(/(<[^>]+>)/);
    return parts.map(function (part) {
      var link = /^<([^|>]+)(?:\|([^>]+))?>$/.exec(part);
      if (link) {
        var url = link[1];
        var label = link[2] || url;
        return /^https?:/.test(url) ? '<a href="' + escapeHtml(url) + '" target="_blank" rel="noopener">' + plain(label) + '</a>' : plain(label);
      }
      return emojify(plain(part))
        .replace(/\*([^*\n]+)\*/g, '<strong>$1</strong>')
        .replace(/(^|[\s(])_([^_\n]+)_/g, '$1<em>$2</em>')
        .replace(/~([^~\n]+)~/g, '<del>$1</del>')
        .replace(/`([^`]+)`/g, '<code>$1</code>')
        .replace(/\n/g, '<br>');
    }).join('');
  }

  function plain(slackText) {
    return escapeHtml(String(slackText).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  }

  function textHtml(text) {
    if (!text) return '';
    if (text.type === 'mrkdwn') return mrkdwnToHtml(text.text);
    var html = escapeHtml(text.text).replace(/\n/g, '<br>');
    return text.emoji === false ? html : emojify(html);
  }

  function optionsHtml(options) {
    return (options || []).map(function (o) { return '<option>' + escapeHtml(o.text.text) + '</option>'; }).join('');
  }

  function elementHtml(el) {
    switch (el.type) {
      case 'button':
        return '<button type="button" class="bk-button ' + (el.style || '') + '">' + escapeHtml(el.text.text) + '</button>';
      case 'static_select':
      case 'multi_static_select':
        return '<select' + (el.type === 'multi_static_select' ? ' multiple' : '') + '><option>' + escapeHtml((el.placeholder && el.placeholder.text) || 'Choose') + '</option>' + optionsHtml(el.options) + '</select>';
      case 'radio_buttons':
      case 'checkboxes':
        var chosen = [].concat(el.initial_option || [], el.initial_options || []).map(function (o) { return o.value; });
        return (el.options || []).map(function (o) {
          var checked = chosen.indexOf(o.value) >= 0 ? ' checked' : '';
          return '<label class="bk-option"><input type="' + (el.type === 'radio_buttons' ? 'radio' : 'checkbox') + '" disabled' + checked + '> ' + textHtml(o.text) + '</label>';
        }).join('<br>');
      case 'plain_text_input':
        return el.multiline ? '<textarea rows="3">' + escapeHtml(el.initial_value || '') + '</textarea>' : '<input value="' + escapeHtml(el.initial_value || '') + '">';
      case 'number_input':
        return '<input type="number" value="' + escapeHtml(el.initial_value || '') + '">';
      case 'datepicker':
        return '<input placeholder="DD/MM/YYYY" value="' + escapeHtml(isoToGb(el.initial_date)) + '">';
      case 'timepicker':
        return '<input type="time" value="' + escapeHtml(el.initial_time || '') + '">';
      case 'image':
        return '<img alt="' + escapeHtml(el.alt_text || '') + '" src="' + escapeHtml(el.image_url || '') + '" width="24" height="24">';
      case 'mrkdwn':
      case 'plain_text':
        return '<span>' + textHtml(el) + '</span>';
      default:
        return '<span class="bk-unknown">[' + escapeHtml(el.type) + ']</span>';
    }
  }

  function blockHtml(block) {
    switch (block.type) {
      case 'header':
        return '<div class="bk-header">' + escapeHtml(block.text.text) + '</div>';
      case 'section':
        return '<div class="bk-section">' + textHtml(block.text) +
          (block.fields ? '<div class="bk-fields">' + block.fields.map(function (f) { return '<div>' + textHtml(f) + '</div>'; }).join('') + '</div>' : '') +
          (block.accessory ? '<div>' + elementHtml(block.accessory) + '</div>' : '') + '</div>';
      case 'context':
        return '<div class="bk-context">' + (block.elements || []).map(elementHtml).join(' ') + '</div>';
      case 'divider':
        return '<hr class="bk-divider">';
      case 'actions':
        return '<div class="bk-actions">' + (block.elements || []).map(elementHtml).join('') + '</div>';
      case 'input':
        return '<div class="bk-input"><label>' + escapeHtml(block.label.text) + (block.optional ? ' <small>(optional)</small>' : '') + '</label>' + elementHtml(block.element) + '</div>';
      case 'image':
        return '<div class="bk-section">' + escapeHtml(block.alt_text || '') + '</div>';
      default:
        return '<div class="bk-unknown">[' + escapeHtml(block.type) + ' block]</div>';
    }
  }

  function renderBlockKit(blocks) {
    var element = document.createElement('div');
    element.innerHTML = blocks.map(blockHtml).join('');
    return element;
  }

  return { renderAdaptiveCard: renderAdaptiveCard, renderBlockKit: renderBlockKit, markdownToHtml: markdownToHtml, escapeHtml: escapeHtml };
})();
