// The kiosk page of a screen channel: plays the loop of the manifest, asks for changes every pollSeconds (with the
// ETag, so an unchanged loop costs a 304) and swaps slides in place, never reloading. When Herald cannot be reached
// the last loop keeps playing (kept in memory and in localStorage, for a restart of the browser); nothing about the
// outage reaches the screen. An emergency takes the screen at the poll that brings it, until its end.
(function () {
  'use strict';
  var root = document.getElementById('screen');
  var url = root.dataset.manifest;
  var keptKey = 'herald-screen:' + url;
  var stage = document.getElementById('stage');
  var idle = document.getElementById('idle');
  var tickerText = document.getElementById('ticker-text');
  var manifest = null;
  var etag = null;
  var index = -1;
  var timer = null;
  var showing = null;

  function keep(kept, tag) {
    try {
      localStorage.setItem(keptKey, JSON.stringify({ manifest: kept, etag: tag }));
    } catch (full) {
      // a browser without storage still plays from memory
    }
  }

  function restore() {
    try {
      var kept = JSON.parse(localStorage.getItem(keptKey) || 'null');
      if (kept && kept.manifest) {
        manifest = kept.manifest;
        etag = kept.etag;
      }
    } catch (broken) {
      localStorage.removeItem(keptKey);
    }
  }

  function current(list) {
    var now = Date.now();
    return (list || []).filter(function (slide) { return Date.parse(slide.until) > now; });
  }

  // the manifest says whether the hall is open and when that next changes, so the screen follows the hours offline
  function open() {
    if (!manifest) {
      return true;
    }
    var flipped = manifest.nextChange && Date.now() >= Date.parse(manifest.nextChange);
    return flipped ? !manifest.open : manifest.open;
  }

  function emergencies() {
    return manifest ? current(manifest.emergency) : [];
  }

  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) {
      made.className = className;
    }
    if (text) {
      made.textContent = text;
    }
    return made;
  }

  function draw(slide, urgent) {
    var article = element('article', 'slide kind-' + slide.kind.toLowerCase() + (urgent ? ' emergency' : ''));
    article.dataset.publication = slide.publicationId;
    var swap = function () {
      stage.replaceChildren(article);
    };
    if (slide.image) {
      var picture = element('img');
      picture.alt = slide.imageAlt || slide.title;
      // the old slide stays until the new picture has loaded: no blank frame between the two
      picture.addEventListener('load', swap, { once: true });
      picture.addEventListener('error', swap, { once: true });
      picture.src = new URL(slide.image, new URL(url, location.href)).href;
      article.appendChild(picture);
    }
    article.appendChild(element('h2', null, slide.title));
    if (slide.text) {
      article.appendChild(element('p', null, slide.text));
    }
    if (!slide.image) {
      swap();
    }
    showing = (urgent ? 'emergency:' : 'slide:') + slide.publicationId;
  }

  function showIdle(closed) {
    idle.hidden = !closed;
    stage.hidden = closed;
  }

  function advance() {
    clearTimeout(timer);
    var urgent = emergencies();
    var list = urgent.length ? urgent : (manifest ? current(manifest.slides) : []);
    if (!urgent.length && !open()) {
      showIdle(true);
      showing = 'idle';
      timer = setTimeout(advance, 5000);
      return;
    }
    showIdle(false);
    if (!list.length) {
      timer = setTimeout(advance, 5000);
      return;
    }
    index = (index + 1) % list.length;
    draw(list[index], urgent.length > 0);
    timer = setTimeout(advance, Math.max(1, list[index].seconds) * 1000);
  }

  function ticker() {
    var headlines = manifest ? manifest.ticker : [];
    tickerText.textContent = headlines.join('   •   ');
  }

  function take(fresh, tag) {
    manifest = fresh;
    etag = tag;
    keep(fresh, tag);
    ticker();
    var urgent = emergencies();
    // an emergency interrupts at once, and so does its end or a change of the opening hours
    var wanted = urgent.length ? 'emergency:' + urgent[0].publicationId : (open() ? null : 'idle');
    var stale = showing === null || showing === 'idle' || showing.indexOf('emergency:') === 0;
    if (wanted !== null ? wanted !== showing : stale) {
      index = -1;
      advance();
    }
  }

  function poll() {
    var headers = {};
    if (etag) {
      headers['If-None-Match'] = etag;
    }
    fetch(url, { headers: headers, cache: 'no-store' })
      .then(function (answer) {
        if (answer.status === 304 || !answer.ok) {
          return null;
        }
        var tag = answer.headers.get('ETag');
        return answer.json().then(function (fresh) { take(fresh, tag); });
      })
      .catch(function () {
        // Herald out of reach: the last loop keeps playing
      })
      .then(function () {
        setTimeout(poll, (manifest ? manifest.pollSeconds : 30) * 1000);
      });
  }

  restore();
  ticker();
  advance();
  poll();
}());
