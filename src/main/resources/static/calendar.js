// The editorial calendar (FullCalendar's global bundle from its WebJar). FullCalendar runs in UTC and the server sends
// the unit's wall-clock times, so what is shown, dragged and sent back is always the unit's own time.
document.addEventListener('DOMContentLoaded', () => {
  // the legend's channel colours come as data: a style attribute would be inline CSS, which the page's policy refuses
  document.querySelectorAll('.swatch[data-colour]').forEach((swatch) => { swatch.style.background = swatch.dataset.colour; });
  const el = document.getElementById('calendar');
  if (!el || !window.FullCalendar) { return; }
  const data = el.dataset;
  const editor = data.mayEdit === 'true';
  // the unit's wall clock as served (the server's clock, the unit's zone), running on from the page load
  const served = Date.parse(data.now + 'Z');
  const loaded = Date.now();
  const phone = window.matchMedia('(max-width: 40em)');
  const error = document.getElementById('calendar-error');
  const ok = document.getElementById('calendar-ok');
  const say = (box, text) => {
    error.hidden = true;
    ok.hidden = true;
    box.textContent = text;
    box.hidden = false;
  };
  // The server's refusal (problem+json) is what the person reads: it says why and what to do.
  const post = async (path, body) => {
    const response = await fetch(path, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(Object.assign({ csrfToken: data.csrf }, body)),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      const fields = (answer.errors || []).map((e) => e.field + ': ' + e.message).join('; ');
      throw new Error(fields || answer.detail || response.statusText);
    }
    return answer;
  };
  const wall = (date) => date.toISOString().slice(0, 16);
  const calendar = new FullCalendar.Calendar(el, {
    timeZone: 'UTC',
    now: () => new Date(served + (Date.now() - loaded)),
    // the bundle carries no locale files: dates come from the browser's Vietnamese, the words from the page
    locale: 'vi',
    firstDay: 1,
    allDayText: data.allDay,
    noEventsText: data.noEvents,
    moreLinkText: (n) => data.more + ' ' + n,
    initialView: phone.matches ? 'listWeek' : 'dayGridMonth',
    initialDate: data.today,
    height: 'auto',
    headerToolbar: { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listWeek' },
    // text buttons: FullCalendar's icon buttons carry an unnamed role="img" that screen readers cannot name
    buttonIcons: false,
    buttonText: { prev: data.prev, next: data.next, today: data.todayText, month: data.month, week: data.week,
      list: data.list },
    // blocks, not dots: the channel's colour fills the event and the mark and title stay readable; a busy day grows
    // rather than hiding events behind "+n more", so every event stays one drag (or one Tab) away
    eventDisplay: 'block',
    eventOrder: 'start,title',
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false, omitZeroMinute: false },
    events: '/calendar/events',
    editable: editor,
    eventDurationEditable: false,
    droppable: editor,
    eventDidMount: (info) => {
      const label = info.event.extendedProps.label;
      if (label) {
        info.el.setAttribute('title', label);
        info.el.setAttribute('aria-label', label);
      }
      if (info.event.extendedProps.publicationId) {
        info.el.dataset.publicationId = info.event.extendedProps.publicationId;
      }
    },
    eventDrop: async (info) => {
      try {
        const answer = await post('/calendar/move',
          { publicationId: info.event.extendedProps.publicationId, plannedAt: wall(info.event.start) });
        say(ok, data.moved + ' ' + answer.shown);
        calendar.refetchEvents();
      } catch (refused) {
        info.revert();
        say(error, data.moveRefused + ' ' + refused.message);
      }
    },
    drop: async (info) => {
      const item = info.draggedEl;
      try {
        const answer = await post('/calendar/place', {
          pieceId: Number(item.dataset.pieceId),
          channelId: document.getElementById('backlog-channel').value,
          date: info.dateStr.slice(0, 10),
        });
        item.remove();
        say(ok, data.placed + ' ' + answer.shown);
        calendar.refetchEvents();
      } catch (refused) {
        say(error, data.moveRefused + ' ' + refused.message);
      }
    },
  });
  calendar.render();
  // a phone reads a list of the week; a wider screen the month grid
  phone.addEventListener('change', () => calendar.changeView(phone.matches ? 'listWeek' : 'dayGridMonth'));
  const backlog = document.getElementById('backlog');
  if (editor && backlog) {
    new FullCalendar.Draggable(backlog, {
      itemSelector: '.backlog-item',
      eventData: (item) => ({ title: item.dataset.title, create: false }),
    });
  }
});
