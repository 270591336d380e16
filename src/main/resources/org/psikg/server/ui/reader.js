// The article reader (/article/ID): selecting a highlighted passage (a click, or an address
// ending in #annotation-id) shows the statements it supports beside the text and marks every
// piece of the passage. The page works without it: then every passage's statements are listed.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function show(id) {
    var panels = document.querySelectorAll('.panel');
    var found = null;
    panels.forEach(function (p) {
      var on = p.getAttribute('data-ann') === id;
      p.classList.toggle('open', on);
      if (on) { found = p; }
    });
    document.querySelectorAll('a.hl').forEach(function (a) {
      var anns = (a.getAttribute('data-ann') || '').split(' ');
      a.classList.toggle('sel', anns.indexOf(id) >= 0);
    });
    var hint = document.querySelector('#statements .hint');
    if (hint) { hint.hidden = found !== null; }
    if (found) { found.scrollIntoView({ block: 'nearest' }); }
  }

  function fromHash() {
    var id = decodeURIComponent(window.location.hash.substring(1));
    if (id) { show(id); }
  }

  window.addEventListener('hashchange', fromHash);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', fromHash);
  } else {
    fromHash();
  }
}());
