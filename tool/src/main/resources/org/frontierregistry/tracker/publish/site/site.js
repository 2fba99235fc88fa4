// Sorting, filters and search for the table of published models. The page works without it.
(function () {
  'use strict';
  var table = document.getElementById('published-table');
  var controls = document.getElementById('controls');
  if (!table || !controls) { return; }
  var search = document.getElementById('search');
  var org = document.getElementById('filter-org');
  var status = document.getElementById('filter-status');
  var shown = document.getElementById('shown');
  var bodies = Array.prototype.slice.call(table.querySelectorAll('tbody.model'));
  var points = {};
  Array.prototype.forEach.call(document.querySelectorAll('svg.chart .point'), function (p) {
    points[p.getAttribute('data-id')] = p;
  });
  bodies.forEach(function (body, index) {
    body.orgs = JSON.parse(body.getAttribute('data-orgs') || '[]');
    body.order = index;
  });

  function applyFilters() {
    var query = search.value.trim().toLowerCase();
    var wantedOrg = org.value;
    var wantedStatus = status.value;
    var count = 0;
    bodies.forEach(function (body) {
      var visible = (query === '' || body.getAttribute('data-search').indexOf(query) !== -1) &&
        (wantedOrg === '' || body.orgs.indexOf(wantedOrg) !== -1) &&
        (wantedStatus === '' || body.getAttribute('data-status') === wantedStatus);
      body.hidden = !visible;
      var point = points[body.getAttribute('data-id')];
      if (point) { point.classList.toggle('dimmed', !visible); }
      if (visible) { count++; }
    });
    shown.textContent = 'Showing ' + count + ' of ' + bodies.length + ' models';
  }

  function compare(a, b, key, type) {
    var x = a.getAttribute('data-' + key) || '';
    var y = b.getAttribute('data-' + key) || '';
    if (x === '' || y === '') { return x === y ? 0 : (x === '' ? 1 : -1); }
    if (type === 'number') { return parseFloat(x) - parseFloat(y); }
    return x < y ? -1 : (x > y ? 1 : 0);
  }

  function sortBy(th) {
    var key = th.getAttribute('data-sort');
    var type = th.getAttribute('data-type');
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.querySelectorAll('thead th'), function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    bodies.sort(function (a, b) {
      var blankA = (a.getAttribute('data-' + key) || '') === '';
      var blankB = (b.getAttribute('data-' + key) || '') === '';
      if (blankA !== blankB) { return blankA ? 1 : -1; }   // rows without a value stay last either way
      var c = compare(a, b, key, type);
      return (ascending ? c : -c) || (a.order - b.order);
    });
    bodies.forEach(function (body) { table.appendChild(body); });
  }

  Array.prototype.forEach.call(table.querySelectorAll('thead th[data-sort]'), function (th) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    button.setAttribute('aria-label', 'Sort by ' + th.textContent);
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () { sortBy(th); });
  });
  search.addEventListener('input', applyFilters);
  org.addEventListener('change', applyFilters);
  status.addEventListener('change', applyFilters);
  controls.hidden = false;
  applyFilters();
}());
