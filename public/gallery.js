/* The /cards gallery: draws each sample card with the Adaptive Cards renderer and a Block Kit preview. */
'use strict';

(function () {
  var data = JSON.parse(document.getElementById('gallery-data').textContent);
  var views = window.TechvoiceCards;
  document.querySelectorAll('.teams-card').forEach(function (host) {
    try {
      host.appendChild(views.renderAdaptiveCard(data[host.dataset.card].adaptive, function () {
        host.dataset.pressed = 'true';
      }));
    } catch (error) {
      host.textContent = 'This card could not be rendered: ' + error.message;
      host.classList.add('problem');
    }
  });
  document.querySelectorAll('.slack-preview').forEach(function (host) {
    var blocks = data[host.dataset.card].blocks;
    if (blocks) host.appendChild(views.renderBlockKit(blocks));
  });
  document.body.dataset.rendered = 'true';
})();
