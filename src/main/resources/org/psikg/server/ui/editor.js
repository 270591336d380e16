// psikg's SPARQL editor: YASGUI (served by this server, see index.html) on this server's
// endpoint, with the graph's prefixes and the competency queries. Nothing is fetched from
// another host: the prefixes come from prefixes.json instead of prefix.cc, and the completers
// that ask Linked Open Vocabularies are left out. Every inserted value goes in as text.
(function () {
  'use strict';
  var ENDPOINT = new URL('psikg/sparql', document.baseURI).href;
  var PREFIXES = new URL('prefixes.json', document.baseURI).href;
  var FROM_LINK = 'Query from a link';
  var PSIKG = 'https://w3id.org/psikg/';
  // ?query=...&run=1 (the entity pages' links), or YASGUI's share links, which put query=
  // in the fragment after the page's own address (and so win over it).
  var params = new URLSearchParams(window.location.search);
  var shared = new URLSearchParams(window.location.hash.substring(1));
  if (shared.has('query')) { params = shared; }
  var status = document.getElementById('status');

  function json(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) { throw new Error(url + ': ' + r.status); }
      return r.json();
    });
  }

  function report(e) {
    status.className = 'error';
    status.textContent = String(e.message || e);
  }

  function defaultQuery(prefixes) {
    var lines = Object.keys(prefixes).map(function (p) { return 'PREFIX ' + p + ': <' + prefixes[p] + '>'; });
    return lines.join('\n') + '\n\nSELECT ?graph (COUNT(*) AS ?triples)\nWHERE { GRAPH ?graph { ?s ?p ?o } }\n'
        + 'GROUP BY ?graph\nORDER BY ?graph\n';
  }

  function start(prefixes, examples, docs) {
    // Yasgui.defaults.yasqe is Yasqe.defaults: replacing the list there is the only way to drop
    // completers (a list in the config is merged into the default one, item by item).
    Yasgui.defaults.yasqe.autocompleters = ['variables', 'prefixes'];
    var yasgui = new Yasgui(document.getElementById('yasgui'), {
      persistenceId: 'psikg',
      populateFromUrl: false, // ?query and ?run are read below, and no link may set the endpoint
      requestConfig: {
        // A function is never persisted, so a tab restored from localStorage asks here too.
        endpoint: function () { return ENDPOINT; },
        method: 'POST'
      },
      endpointCatalogueOptions: { getData: function () { return [{ endpoint: ENDPOINT }]; } },
      endpointInfo: function () {
        var span = document.createElement('span');
        span.className = 'psikg-endpoint';
        span.textContent = 'endpoint: ' + ENDPOINT;
        return span;
      },
      yasqe: { value: defaultQuery(prefixes), prefixCcApi: PREFIXES },
      yasr: { prefixes: prefixes }
    });
    yasgui.persistentConfig.getTabs().forEach(function (id) {
      var tab = yasgui.getTab(id);
      if (tab) { tab.setEndpoint(ENDPOINT); }
    });
    window.psikgYasgui = yasgui;

    // Opens (or reuses) the tab called name with this query, over whatever was restored.
    function open(name, query) {
      var id = yasgui.persistentConfig.getTabs().filter(function (t) {
        return yasgui.persistentConfig.getTab(t).name === name;
      })[0];
      var tab;
      if (id) {
        yasgui.selectTabId(id);
        tab = yasgui.getTab(id);
      } else {
        tab = yasgui.addTab(true, { name: name });
      }
      tab.setQuery(query);
      return tab;
    }

    var select = document.getElementById('examples');
    examples.forEach(function (ex, i) {
      var o = document.createElement('option');
      o.value = String(i);
      o.textContent = ex.name.replace(/\.rq$/, '') + ': ' + ex.label;
      select.appendChild(o);
    });
    select.addEventListener('change', function () {
      var ex = examples[Number(select.value)];
      if (select.value !== '' && ex) { open(ex.name.replace(/\.rq$/, ''), ex.query); }
      select.value = '';
    });

    var list = document.getElementById('docs');
    docs.forEach(function (d, i) {
      if (i > 0) { list.appendChild(document.createTextNode(', ')); }
      var a = document.createElement('a');
      a.href = 'docs/' + d;
      a.textContent = d.replace(/\.md$/, '');
      list.appendChild(a);
    });

    if (params.has('query')) {
      var tab = open(FROM_LINK, params.get('query'));
      if (params.has('run') && params.get('run') !== '0') {
        tab.query().catch(report);
      }
    }
  }

  // psikg's IRIs in the results open this server's page for them (the IRI dereferences here).
  function local(event) {
    var a = event.target.closest && event.target.closest('.yasgui a.iri');
    if (a && a.href.indexOf(PSIKG) === 0) {
      a.href = new URL(a.href.substring(PSIKG.length), document.baseURI).href;
    }
  }
  document.addEventListener('click', local, true);
  document.addEventListener('auxclick', local, true);

  Promise.all([
    json(PREFIXES).catch(function (e) { report(e); return {}; }),
    json('examples.json').catch(function () { return { examples: [], docs: [] }; })
  ]).then(function (r) {
    start(r[0], r[1].examples, r[1].docs);
  }).catch(report);
})();
