// The pages' pictures: each <div class="chart" data-chart=KIND data-query=ID> is drawn by
// Apache ECharts (served by this server) from the answer of the SPARQL query in the <pre id=ID>
// the page shows, sent to this server's endpoint. Once drawn, the div says how many items it
// shows in data-items (memberships, statistics, factors).
(function () {
  'use strict';
  var ENDPOINT = '/psikg/sparql';

  function value(row, name) { return row[name] ? row[name].value : null; }
  function local(iri) { return iri ? iri.substring(iri.search(/[^\/#]*$/)) : ''; }
  function label(row, name, iriName) { return value(row, name) || local(value(row, iriName)); }
  function year(d) { return d ? parseInt(d.substring(0, 4), 10) : null; }

  function timeline(rows) {
    var seen = {};
    var items = [];
    rows.forEach(function (r) {
      var id = value(r, 'membership');
      if (seen[id]) { return; }
      seen[id] = true;
      items.push({
        name: label(r, 'memberLabel', 'member') + ' in ' + label(r, 'organizationLabel', 'organization'),
        start: year(value(r, 'start')), end: year(value(r, 'end')),
        unknown: value(r, 'endUnknown') === 'true', status: local(value(r, 'status'))
      });
    });
    var years = [];
    items.forEach(function (i) { if (i.start) { years.push(i.start); } if (i.end) { years.push(i.end); } });
    var min = years.length ? Math.min.apply(null, years) - 1 : 1990;
    var max = years.length ? Math.max.apply(null, years) + 1 : 2025;
    var names = items.map(function (i) { return i.name; });
    var offset = items.map(function (i) { return i.start || min; });
    var length = items.map(function (i) {
      var to = i.end || max;
      return {
        value: Math.max(to - (i.start || min), 0.3),
        itemStyle: { color: !i.start ? '#bbb' : (i.end ? '#3b6fd6' : '#8fb0ef') },
        from: i.start ? String(i.start) : 'start unknown',
        until: i.end ? String(i.end) : (i.unknown ? 'end unknown' : 'no end stated'),
        status: i.status
      };
    });
    return {
      count: items.length,
      option: {
        animation: false,
        grid: { left: 10, right: 30, top: 20, bottom: 30, containLabel: true },
        tooltip: { formatter: function (p) { var d = p.data; return p.name + '<br>' + d.from + ' – ' + d.until + (d.status ? ' (' + d.status + ')' : ''); } },
        xAxis: { type: 'value', min: min, max: max, minInterval: 1, axisLabel: { formatter: String } },
        yAxis: { type: 'category', data: names, inverse: true },
        series: [
          { type: 'bar', stack: 't', data: offset.map(function (o) { return o; }), itemStyle: { color: 'transparent' }, silent: true, tooltip: { show: false } },
          { name: 'membership', type: 'bar', stack: 't', data: length, label: { show: true, position: 'insideLeft', formatter: function (p) { return p.data.from + ' – ' + p.data.until; } } }
        ]
      }
    };
  }

  function statistics(rows) {
    var cats = rows.map(function (r) {
      var d = value(r, 'date');
      var first = value(r, 'firstArea');
      var last = value(r, 'lastArea');
      var a = first && last && first !== last ? first + ' – ' + last : (first || last);
      return [d ? d.substring(0, 10) : null, a].filter(Boolean).join(', ') || local(value(r, 'statistic'));
    });
    var unit = rows.length ? value(rows[0], 'unitLabel') : '';
    return {
      count: rows.length,
      option: {
        animation: false,
        grid: { left: 70, right: 20, top: 30, bottom: 90 },
        tooltip: {},
        xAxis: { type: 'category', data: cats, axisLabel: { rotate: 30 } },
        yAxis: { type: 'value', name: unit || '' },
        series: [{ name: 'value', type: 'bar', data: rows.map(function (r) { return parseFloat(value(r, 'value')); }), label: { show: true, position: 'top' } }]
      }
    };
  }

  function argument(rows) {
    var groups = {};
    var order = [];
    var factors = {};
    rows.forEach(function (r) {
      var g = value(r, 'group');
      if (!groups[g]) { groups[g] = { name: value(r, 'groupLabel'), children: [], byFactor: {} }; order.push(g); }
      var f = value(r, 'factor');
      var node = groups[g].byFactor[f];
      if (!node) { node = groups[g].byFactor[f] = { name: label(r, 'factorLabel', 'factor'), children: [] }; groups[g].children.push(node); }
      factors[f] = true;
      if (value(r, 'affected')) { node.children.push({ name: 'affects: ' + label(r, 'affectedLabel', 'affected') }); }
    });
    var data = { name: 'factors', children: order.map(function (g) { delete groups[g].byFactor; return groups[g]; }) };
    return {
      count: Object.keys(factors).length,
      option: {
        animation: false,
        tooltip: { trigger: 'item' },
        series: [{ type: 'tree', data: [data], top: 10, bottom: 10, left: 80, right: 260, initialTreeDepth: 3,
          label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 11 },
          leaves: { label: { position: 'right', align: 'left' } } }]
      }
    };
  }

  var KINDS = { timeline: timeline, statistics: statistics, argument: argument };

  function draw(div) {
    var pre = document.getElementById(div.getAttribute('data-query'));
    var body = new URLSearchParams();
    body.set('query', pre.textContent);
    fetch(ENDPOINT, { method: 'POST', body: body, headers: { Accept: 'application/sparql-results+json' } })
      .then(function (r) { if (!r.ok) { throw new Error('the query failed: ' + r.status); } return r.json(); })
      .then(function (json) {
        var made = KINDS[div.getAttribute('data-chart')](json.results.bindings);
        var rowsHigh = div.getAttribute('data-chart') === 'timeline' ? Math.max(160, 40 + 28 * made.count) : null;
        if (rowsHigh) { div.style.height = rowsHigh + 'px'; }
        var chart = echarts.init(div);
        chart.setOption(made.option);
        div.setAttribute('data-items', String(made.count));
      })
      .catch(function (e) { div.textContent = String(e.message || e); div.setAttribute('data-error', 'true'); });
  }

  function start() { document.querySelectorAll('div.chart[data-chart]').forEach(draw); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
