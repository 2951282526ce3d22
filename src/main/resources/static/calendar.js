// The editorial calendar (FullCalendar's global bundle from its WebJar). FullCalendar runs in UTC and the server sends
// the unit's wall-clock times, so what is shown, dragged and sent back is always the unit's own time.
document.addEventListener('DOMContentLoaded', () => {
  // the legend's channel colours come as data: a style attribute would be inline CSS, which the page's policy refuses
  document.querySelectorAll('.swatch[data-colour]').forEach((swatch) => { swatch.style.background = swatch.dataset.colour; });
  const el = document.getElementById('calendar');
  if (!el || !window.FullCalendar) { return; }
  const data = el.dataset;
  const editor = data.editor === 'true';
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
    locale: 'vi',
    firstDay: 1,
    initialView: 'dayGridMonth',
    initialDate: data.today,
    height: 'auto',
    headerToolbar: { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek' },
    // text buttons: FullCalendar's icon buttons carry an unnamed role="img" that screen readers cannot name
    buttonIcons: false,
    buttonText: { prev: data.prev, next: data.next, today: data.todayText, month: data.month, week: data.week },
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
  const backlog = document.getElementById('backlog');
  if (editor && backlog) {
    new FullCalendar.Draggable(backlog, {
      itemSelector: '.backlog-item',
      eventData: (item) => ({ title: item.dataset.title, create: false }),
    });
  }
});
