// Draws the report's charts from the evaluation JSON in #data. Sets document.body.dataset.chartsRendered to the
// number of charts drawn; errors go to document.body.dataset.scriptErrors (see HtmlReport), which the browser test reads.
(function () {
  'use strict';
  var SERIES = [
    { key: 'train-shares', name: 'training', color: '#3b6ea5' },
    { key: 'holdout-shares', name: 'holdout', color: '#9fc3e7' },
    { key: 'synthetic-shares', name: 'synthetic', color: '#e8833a' }
  ];
  // Blue for negative, white at zero, red for positive correlations.
  var DIVERGING = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'];
  var charts = [];

  function percent(value) {
    return value === null || value === undefined ? 'n/a' : (value * 100).toFixed(1) + '%';
  }

  function columnChart(element, column) {
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    var many = column.bins.length > 6;
    // Up to 100% when a bin holds most rows, instead of an axis running to 120%.
    var largest = Math.max.apply(null, SERIES.map(function (s) {
      return Math.max.apply(null, column[s.key].map(function (v) { return v === null ? 0 : v; }));
    }));
    chart.setOption({
      animation: false,
      color: SERIES.map(function (s) { return s.color; }),
      legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 10 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: percent },
      grid: { left: 8, right: 8, top: 28, bottom: 4, containLabel: true },
      xAxis: {
        type: 'category',
        data: column.bins,
        axisLabel: { interval: 0, rotate: many ? 35 : 0, width: many ? 90 : 420 / column.bins.length,
          overflow: 'truncate', fontSize: 11 }
      },
      yAxis: { type: 'value', max: largest > 0.8 ? 1 : null, axisLabel: { formatter: function (v) { return Math.round(v * 100) + '%'; } } },
      series: SERIES.map(function (s) {
        return { name: s.name, type: 'bar', data: column[s.key], barGap: '10%', barCategoryGap: '25%' };
      })
    });
    return chart;
  }

  function difference(synthetic, train) {
    return synthetic.map(function (row, i) {
      return row.map(function (value, j) {
        return value === null || train[i][j] === null ? null : value - train[i][j];
      });
    });
  }

  function heatmap(element, names, matrix, range) {
    var cells = [];
    matrix.forEach(function (row, i) {
      row.forEach(function (value, j) { cells.push([j, i, value === null ? '-' : value]); });
    });
    element.style.height = Math.max(320, Math.min(900, 130 + 30 * names.length)) + 'px';
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      tooltip: {
        formatter: function (p) {
          var value = p.value[2] === '-' ? 'undefined' : p.value[2].toFixed(3);
          return echarts.format.encodeHTML(names[p.value[1]] + ' × ' + names[p.value[0]]) + ': ' + value;
        }
      },
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      xAxis: { type: 'category', data: names, splitArea: { show: true },
        axisLabel: { interval: 0, rotate: 45, width: 90, overflow: 'truncate', fontSize: 11 } },
      yAxis: { type: 'category', data: names, inverse: true, splitArea: { show: true },
        axisLabel: { interval: 0, width: 90, overflow: 'truncate', fontSize: 11 } },
      visualMap: { min: -range, max: range, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        itemHeight: 160, itemWidth: 12, precision: 2, inRange: { color: DIVERGING } },
      series: [{
        type: 'heatmap',
        data: cells,
        label: { show: names.length <= 8, fontSize: 11,
          formatter: function (p) { return p.value[2] === '-' ? '' : p.value[2].toFixed(2); } },
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } }
      }]
    });
    return chart;
  }

  /** The difference map gets its own symmetric range, so that small differences still show. */
  function largestMagnitude(matrix) {
    var largest = 0.1;
    matrix.forEach(function (row) {
      row.forEach(function (value) { if (value !== null) { largest = Math.max(largest, Math.abs(value)); } });
    });
    return Math.min(2, Math.ceil(largest * 10) / 10);
  }

  // Training histories in blues, synthetic ones in oranges: one line per history.
  var HISTORY_COLORS = {
    train: ['#3b6ea5', '#6b9bd1', '#9fc3e7'],
    synthetic: ['#e8833a', '#f2a86f', '#c4621c']
  };

  /** Order values as the x axis reads them: dates (epoch days) and timestamps (microseconds) as time. */
  function orderAxis(scale) {
    if (scale === 'date') {
      return { type: 'time', at: function (v) { return v * 86400000; } };
    }
    if (scale === 'timestamp') {
      return { type: 'time', at: function (v) { return v / 1000; } };
    }
    return { type: 'value', at: function (v) { return v; } };
  }

  function historyChart(element, chart, side, line) {
    var axis = orderAxis(chart['order-scale']);
    var histories = chart[side];
    var instance = echarts.init(element, null, { renderer: 'canvas' });
    instance.setOption({
      animation: false,
      color: HISTORY_COLORS[side],
      legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 10 },
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 28, bottom: 4, containLabel: true },
      xAxis: { type: axis.type, scale: true },
      yAxis: { type: 'value', scale: true },
      series: histories.map(function (history, h) {
        return {
          name: 'history ' + (h + 1),
          type: 'line',
          showSymbol: false,
          lineStyle: { width: 1 },
          data: history.order.map(function (x, t) { return [axis.at(x), history.values[line][t]]; })
        };
      })
    });
    return instance;
  }

  function autocorrelationChart(element, column) {
    var lags = column.train.map(function (v, k) { return String(k + 1); });
    var instance = echarts.init(element, null, { renderer: 'canvas' });
    instance.setOption({
      animation: false,
      color: SERIES.map(function (s) { return s.color; }),
      legend: { top: 0, right: 0, itemWidth: 14, itemHeight: 10 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null ? 'n/a' : v.toFixed(3); } },
      grid: { left: 8, right: 8, top: 28, bottom: 20, containLabel: true },
      xAxis: { type: 'category', data: lags, name: 'lag', nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'value', max: 1 },
      series: [
        { name: 'training', type: 'line', data: column.train },
        { name: 'holdout', type: 'line', data: column.holdout },
        { name: 'synthetic', type: 'line', data: column.synthetic }
      ]
    });
    return instance;
  }

  function draw(what, make) {
    try {
      charts.push(make());
    } catch (e) {
      window.reportError(what + ': ' + (e && e.stack ? e.stack : e));
    }
  }

  try {
    var data = JSON.parse(document.getElementById('data').textContent);
    // A set's report holds one evaluation per table; its placeholders name the table.
    var resultOf = function (element) {
      return element.dataset.table === undefined ? data : data.tables[element.dataset.table];
    };
    document.querySelectorAll('.chart[data-column]').forEach(function (element) {
      var column = resultOf(element).columns[Number(element.dataset.column)];
      draw('column ' + element.dataset.column, function () { return columnChart(element, column); });
    });
    document.querySelectorAll('.chart[data-relation]').forEach(function (element) {
      var fanOut = data.relations[Number(element.dataset.relation)].cardinality.chart;
      draw('fan-out ' + element.dataset.relation, function () { return columnChart(element, fanOut); });
    });
    document.querySelectorAll('.chart[data-sequence]').forEach(function (element) {
      var sequence = data.sequences[Number(element.dataset.sequence)];
      if (element.dataset.acf !== undefined) {
        var column = sequence.columns[Number(element.dataset.acf)];
        draw('autocorrelation ' + element.dataset.acf, function () { return autocorrelationChart(element, column); });
      } else {
        draw('history ' + element.dataset.line, function () {
          return historyChart(element, sequence.chart, element.dataset.history, Number(element.dataset.line));
        });
      }
    });
    document.querySelectorAll('.heatmap[data-matrix]').forEach(function (element) {
      var correlations = resultOf(element).correlations;
      if (!correlations) {
        return;
      }
      var name = element.dataset.matrix;
      var matrix = name === 'difference' ? difference(correlations.synthetic, correlations.train) : correlations[name];
      var range = name === 'difference' ? largestMagnitude(matrix) : 1;
      draw('heatmap ' + name, function () { return heatmap(element, correlations.columns, matrix, range); });
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  } catch (e) {
    window.reportError('report: ' + (e && e.stack ? e.stack : e));
  } finally {
    document.body.dataset.chartsRendered = String(charts.length);
  }
})();
