// pvw serve's page: reads the JSON endpoints and draws them with uPlot. No build step, no framework.
'use strict';

const QUESTION_LABELS = { 'current': 'by current postcode', 'at-view': 'by postcode at view' };
const COLOURS = ['#2a6ebb', '#d9622b', '#2e9e5b', '#8b4fb8', '#c7a100', '#1b9aaa', '#b23a48', '#5b6770',
  '#7fb800', '#ff7f50', '#4361ee', '#9c6644', '#e76f51', '#06d6a0', '#3a0ca3', '#ef476f', '#118ab2',
  '#8d99ae', '#f4a261', '#2b2d42'];

const state = { view: 'compare', chosen: [], chart: null };
const element = id => document.getElementById(id);

function number(value) {
  return value.toLocaleString('en-US');
}

/** Seconds since the epoch of a period printed as 2026-01-08T00:00:00, which is UTC. */
function epochSeconds(period) {
  return Date.parse(period + 'Z') / 1000;
}

/** A tick's time in UTC: the date at midnight, else the 24-hour time. */
function utcText(seconds) {
  const text = new Date(seconds * 1000).toISOString();
  return text.endsWith('T00:00:00.000Z') ? text.slice(0, 10) : text.slice(11, 16);
}

async function fetchJson(path, parameters) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== '' && value !== null && value !== undefined) {
      query.set(name, value);
    }
  }
  const response = await fetch(path + '?' + query.toString());
  if (!response.ok) {
    throw new Error((await response.text()).trim());
  }
  return response.json();
}

function windowParameters() {
  return { grain: element('grain').value, from: element('from').value.trim(), to: element('to').value.trim() };
}

function showError(message) {
  const error = element('error');
  error.textContent = message || '';
  error.hidden = !message;
}

async function loadStatus() {
  const strip = element('status');
  try {
    const status = await fetchJson('api/status', {});
    strip.className = 'status ' + (status.healthy ? 'ok' : 'problem');
    strip.replaceChildren();
    const facts = document.createElement('div');
    facts.textContent = 'Last hour loaded: ' + (status.lastHour || 'none yet')
      + ' · last users snapshot: ' + (status.snapshotEffective
        ? 'effective ' + status.snapshotEffective + ', ' + number(status.snapshotUsers) + ' users'
        : 'none yet')
      + ' · health: ' + (status.healthy ? 'OK' : status.health.length + ' problem(s)');
    facts.title = status.warehouse;
    strip.append(facts);
    if (!status.healthy) {
      const problems = document.createElement('ul');
      for (const line of status.health) {
        const item = document.createElement('li');
        item.textContent = line;
        problems.append(item);
      }
      strip.append(problems);
    }
  } catch (failure) {
    strip.className = 'status problem';
    strip.textContent = failure.message;
  }
}

async function loadPostcodes() {
  try {
    const totals = await fetchJson('api/postcodes', { from: element('from').value.trim(), to: element('to').value.trim() });
    const list = element('postcode-list');
    list.replaceChildren(...totals.slice(0, 1000).map(total => {
      const option = document.createElement('option');
      option.value = total.postcode;
      option.label = number(total.pageviews) + ' pageviews';
      return option;
    }));
  } catch (failure) {
    showError(failure.message);
  }
}

function drawChart(title, periods, series) {
  const container = element('chart');
  if (state.chart) {
    state.chart.destroy();
    state.chart = null;
  }
  container.replaceChildren();
  if (periods.length === 0) {
    return;
  }
  const options = {
    title: title,
    width: Math.max(container.clientWidth, 400),
    height: 360,
    tzDate: seconds => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    series: [{ label: 'period (UTC)' }].concat(series.map(line => ({
      label: line.label, stroke: line.colour, width: 2, dash: line.dash, points: { show: periods.length < 60 },
      value: (chart, value) => value === null || value === undefined ? '' : number(value)
    }))),
    axes: [
      { space: 90, values: (chart, ticks) => ticks.map(utcText) },
      { size: 70, values: (chart, ticks) => ticks.map(number) }
    ]
  };
  state.chart = new uPlot(options, [periods.map(epochSeconds)].concat(series.map(line => line.values)), container);
}

function fillTable(header, rows) {
  const head = document.createElement('tr');
  for (const column of header) {
    const cell = document.createElement('th');
    cell.textContent = column.label;
    if (column.number) {
      cell.className = 'number';
    }
    head.append(cell);
  }
  element('table').tHead.replaceChildren(head);
  element('table').tBodies[0].replaceChildren(...rows.map(values => {
    const row = document.createElement('tr');
    values.forEach((value, index) => {
      const cell = document.createElement('td');
      const column = header[index];
      cell.dataset.column = column.key;
      if (column.number) {
        cell.className = 'number';
        cell.textContent = number(value);
      } else if (column.key === 'postcode') {
        const link = document.createElement('a');
        link.href = '#';
        link.textContent = value;
        link.addEventListener('click', event => {
          event.preventDefault();
          element('postcode').value = value;
          switchView('postcode');
        });
        cell.append(link);
      } else {
        cell.textContent = value;
      }
      row.append(cell);
    });
    return row;
  }));
}

function showDownloads(downloads) {
  const paragraph = element('downloads');
  paragraph.replaceChildren('CSV: ');
  downloads.forEach((download, index) => {
    if (index > 0) {
      paragraph.append(' · ');
    }
    const link = document.createElement('a');
    link.href = download.href;
    link.className = 'csv';
    link.dataset.question = download.question;
    link.textContent = QUESTION_LABELS[download.question];
    const command = document.createElement('code');
    command.textContent = download.command;
    paragraph.append(link, ' (the rows of ', command, ')');
  });
}

function describeWindow() {
  const from = element('from').value.trim();
  const to = element('to').value.trim();
  if (!from && !to) {
    return 'all hours';
  }
  return 'hours from ' + (from || 'the first') + ' to ' + (to || 'the last') + (to ? ' (exclusive)' : '');
}

async function loadComparison() {
  const question = element('question').value;
  const answer = await fetchJson('api/chart', Object.assign(windowParameters(), {
    question: question, postcodes: state.chosen.join(','), top: element('top').value
  }));
  return () => showComparison(question, answer);
}

function showComparison(question, answer) {
  const questions = question === 'both' ? ['current', 'at-view'] : [question];
  element('summary').textContent = 'Pageviews per ' + answer.grain + ' for '
    + (answer.busiest ? 'the ' + answer.postcodes.length + ' busiest postcodes' : 'the chosen postcodes')
    + ' (' + questions.map(name => QUESTION_LABELS[name]).join(' and ') + '), ' + describeWindow() + '.';
  drawChart('Pageviews per ' + answer.grain, answer.periods, answer.series.map(line => ({
    label: line.postcode + (questions.length > 1 ? ' (' + line.question + ')' : ''),
    colour: COLOURS[answer.postcodes.indexOf(line.postcode) % COLOURS.length],
    dash: line.question === 'at-view' && questions.length > 1 ? [6, 4] : undefined,
    values: line.pageviews
  })));
  const header = [{ key: 'period_start', label: 'period_start' }, { key: 'postcode', label: 'postcode' }]
    .concat(questions.map(name => ({ key: name, label: QUESTION_LABELS[name], number: true })));
  const byPostcode = {};
  for (const line of answer.series) {
    byPostcode[line.postcode] = byPostcode[line.postcode] || {};
    byPostcode[line.postcode][line.question] = line.pageviews;
  }
  // Ordered as pvw query orders them: by period, then postcode.
  const postcodes = answer.postcodes.slice().sort((left, right) => left < right ? -1 : left > right ? 1 : 0);
  const rows = [];
  answer.periods.forEach((period, index) => {
    for (const postcode of postcodes) {
      const values = questions.map(name => byPostcode[postcode][name][index]);
      if (values.some(value => value !== 0)) {
        rows.push([period, postcode].concat(values));
      }
    }
  });
  fillTable(header, rows);
  showDownloads(answer.downloads);
}

async function loadPostcode() {
  let postcode = element('postcode').value.trim();
  if (!postcode) {
    const busiest = element('postcode-list').options[0];
    if (!busiest) {
      throw new Error('Choose a postcode to show.');
    }
    postcode = busiest.value;
    element('postcode').value = postcode;
  }
  const answer = await fetchJson('api/postcode', Object.assign(windowParameters(), { postcode: postcode }));
  return () => showPostcode(answer);
}

function showPostcode(answer) {
  element('summary').textContent = 'Pageviews per ' + answer.grain + ' of ' + answer.postcode + ', ' + describeWindow()
    + ', by both questions. Their difference is the pageviews of users who moved in (counted here by current'
    + ' postcode, elsewhere at view) less those of users who moved out.';
  drawChart(answer.postcode + ': pageviews per ' + answer.grain, answer.periods, [
    { label: QUESTION_LABELS['current'], colour: COLOURS[0], values: answer.current },
    { label: QUESTION_LABELS['at-view'], colour: COLOURS[1], values: answer.atView },
    { label: 'difference (moved in − moved out)', colour: '#5b6770', dash: [4, 4], values: answer.difference }
  ]);
  fillTable([
    { key: 'period_start', label: 'period_start' },
    { key: 'current', label: QUESTION_LABELS['current'], number: true },
    { key: 'at-view', label: QUESTION_LABELS['at-view'], number: true },
    { key: 'difference', label: 'difference', number: true }
  ], answer.periods.map((period, index) =>
    [period, answer.current[index], answer.atView[index], answer.difference[index]]));
  showDownloads(answer.downloads);
}

/** The controls as the address's fragment, so that a view can be bookmarked or sent: #view=postcode&postcode=SW19. */
function saveToAddress() {
  const fields = { view: state.view, question: element('question').value, grain: element('grain').value,
    from: element('from').value.trim(), to: element('to').value.trim(), top: element('top').value,
    postcodes: state.chosen.join(','), postcode: element('postcode').value.trim() };
  const hash = new URLSearchParams(Object.entries(fields).filter(([, value]) => value !== '')).toString();
  history.replaceState(null, '', '#' + hash);
}

function loadFromAddress() {
  const fields = new URLSearchParams(location.hash.slice(1));
  for (const id of ['question', 'grain', 'from', 'to', 'top', 'postcode']) {
    if (fields.has(id)) {
      element(id).value = fields.get(id);
    }
  }
  state.chosen = (fields.get('postcodes') || '').split(',').filter(postcode => postcode !== '');
  renderChosen();
  return fields.get('view') === 'postcode' ? 'postcode' : 'compare';
}

let pending = 0;

/**
 * Asks for the answer to the controls and draws it, unless a later request was made meanwhile. The body's data-state
 * is 'ready' once the latest answer is drawn, and data-shown counts the answers drawn (the browser test waits on both).
 */
async function show() {
  const request = ++pending;
  document.body.dataset.state = 'loading';
  saveToAddress();
  let render = null;
  let message = '';
  try {
    render = await (state.view === 'compare' ? loadComparison() : loadPostcode());
  } catch (failure) {
    message = failure.message;
  }
  if (request !== pending) {
    return;
  }
  if (render) {
    render();
  }
  showError(message);
  document.body.dataset.shown = Number(document.body.dataset.shown || 0) + 1;
  document.body.dataset.state = 'ready';
}

function renderChosen() {
  element('chosen').replaceChildren(...state.chosen.map(postcode => {
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.dataset.postcode = postcode;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '×';
    remove.title = 'Remove ' + postcode;
    remove.addEventListener('click', () => {
      state.chosen = state.chosen.filter(other => other !== postcode);
      renderChosen();
      show();
    });
    chip.append(postcode, remove);
    return chip;
  }));
}

function addSearched() {
  const postcode = element('search').value.trim().toUpperCase();
  if (postcode && !state.chosen.includes(postcode)) {
    state.chosen.push(postcode);
    renderChosen();
  }
  element('search').value = '';
  show();
}

function switchView(view) {
  state.view = view;
  element('view-compare').classList.toggle('active', view === 'compare');
  element('view-postcode').classList.toggle('active', view === 'postcode');
  element('compare-fields').hidden = view !== 'compare';
  element('question-field').hidden = view !== 'compare';
  element('postcode-fields').hidden = view !== 'postcode';
  show();
}

element('controls').addEventListener('submit', event => {
  event.preventDefault();
  show();
});
for (const id of ['question', 'grain', 'top', 'postcode']) {
  element(id).addEventListener('change', show);
}
element('add').addEventListener('click', addSearched);
element('search').addEventListener('keydown', event => {
  if (event.key === 'Enter') {
    event.preventDefault();
    addSearched();
  }
});
element('view-compare').addEventListener('click', () => switchView('compare'));
element('view-postcode').addEventListener('click', () => switchView('postcode'));

loadStatus();
setInterval(loadStatus, 60000);
const initialView = loadFromAddress();
loadPostcodes().then(() => switchView(initialView));
