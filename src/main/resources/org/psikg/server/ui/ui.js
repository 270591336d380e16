// psikg's SPARQL editor: plain DOM, every inserted text through textContent.
(function () {
  'use strict';
  var PREFIXES = [
    'PREFIX psi: <https://w3id.org/psikg/ontology#>',
    'PREFIX id: <https://w3id.org/psikg/id/>',
    'PREFIX org: <http://www.w3.org/ns/org#>',
    'PREFIX prov: <http://www.w3.org/ns/prov#>',
    'PREFIX oa: <http://www.w3.org/ns/oa#>',
    'PREFIX dcterms: <http://purl.org/dc/terms/>',
    'PREFIX skos: <http://www.w3.org/2004/02/skos/core#>',
    'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>',
    'PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>',
    'PREFIX schema: <https://schema.org/>',
    'PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>',
    'PREFIX qb: <http://purl.org/linked-data/cube#>'
  ].join('\n');
  var editor = document.getElementById('query');
  var select = document.getElementById('examples');
  var status = document.getElementById('status');
  var output = document.getElementById('output');
  var params = new URLSearchParams(window.location.search);
  editor.value = params.has('query') ? params.get('query')
      : PREFIXES + '\n\nSELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10\n';

  function text(tag, s) {
    var e = document.createElement(tag);
    e.textContent = s;
    return e;
  }

  function cell(term) {
    var td = document.createElement('td');
    if (!term) { return td; }
    if (term.type === 'uri') {
      var a = text('a', term.value);
      var local = term.value.indexOf('https://w3id.org/psikg/') === 0
          ? '/' + term.value.substring('https://w3id.org/psikg/'.length) : null;
      a.href = local || term.value;
      td.appendChild(a);
    } else {
      td.textContent = term.value;
      if (term['xml:lang']) { td.appendChild(text('small', ' @' + term['xml:lang'])); }
    }
    return td;
  }

  function render(json) {
    output.textContent = '';
    var table = document.createElement('table');
    table.id = 'results';
    if (typeof json.boolean === 'boolean') {
      var tr0 = document.createElement('tr');
      tr0.appendChild(text('td', String(json.boolean)));
      table.appendChild(tr0);
      status.textContent = 'ASK: ' + json.boolean;
    } else {
      var vars = json.head.vars || [];
      var head = document.createElement('tr');
      vars.forEach(function (v) { head.appendChild(text('th', v)); });
      table.appendChild(head);
      json.results.bindings.forEach(function (b) {
        var tr = document.createElement('tr');
        vars.forEach(function (v) { tr.appendChild(cell(b[v])); });
        table.appendChild(tr);
      });
      status.textContent = json.results.bindings.length + ' rows';
    }
    output.appendChild(table);
  }

  function run() {
    status.className = '';
    status.textContent = 'running…';
    output.textContent = '';
    fetch('/psikg/sparql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded',
                 'Accept': 'application/sparql-results+json' },
      body: new URLSearchParams({ query: editor.value }).toString()
    }).then(function (r) {
      var type = r.headers.get('Content-Type') || '';
      if (!r.ok) {
        return r.text().then(function (t) { throw new Error(r.status + ' ' + t); });
      }
      if (type.indexOf('json') < 0) {
        return r.text().then(function (t) { output.appendChild(text('pre', t)); status.textContent = type; });
      }
      return r.json().then(render);
    }).catch(function (e) {
      status.className = 'error';
      status.textContent = String(e.message || e);
    });
  }

  document.getElementById('run').addEventListener('click', run);
  select.addEventListener('change', function () {
    var o = select.options[select.selectedIndex];
    if (o && o.dataset.query) { editor.value = o.dataset.query; }
  });

  fetch('/examples.json').then(function (r) { return r.json(); }).then(function (j) {
    j.examples.forEach(function (ex) {
      var o = text('option', ex.name.replace(/\.rq$/, '') + ': ' + ex.label);
      o.value = ex.name;
      o.dataset.query = ex.query;
      select.appendChild(o);
    });
    var docs = document.getElementById('docs');
    j.docs.forEach(function (d) {
      if (d === 'server.md') { return; }
      docs.appendChild(document.createTextNode(' · '));
      var a = text('a', d);
      a.href = '/docs/' + d;
      docs.appendChild(a);
    });
  }).catch(function () { /* no examples: the editor still works */ });

  if (params.get('run') === '1') { run(); }
})();
