// The kiosk page of a screen channel: plays the loop of the manifest, asks for changes every pollSeconds (with the
// ETag, so an unchanged loop costs a 304) and swaps slides in place, never reloading. When Herald cannot be reached
// the last loop keeps playing (kept in memory and in localStorage, for a restart of the browser); nothing about the
// outage reaches the screen. An emergency takes the screen at the poll that brings it, until its end.
// A video slide plays muted with its captions for as long as the video lasts; its files are fetched whole as soon as
// the manifest names them and played from a copy in memory (and in the Cache API where the page is a secure context,
// for a restart of the browser), so videos keep playing offline too. A video that cannot be played is skipped.
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
  var turn = 0;
  var kept = {};
  var CACHE = 'herald-screen-files';
  var LOAD_LIMIT = 20000;

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

  function address(file) {
    return new URL(file, new URL(url, location.href)).href;
  }

  function stored(file) {
    if (!window.caches) {
      return Promise.reject(new Error('no cache'));
    }
    return caches.open(CACHE).then(function (cache) { return cache.match(file); })
      .then(function (found) { return found ? found.blob() : Promise.reject(new Error('not kept')); });
  }

  // a slide's file as a blob: URL of a copy held by the page; the network first, then the copy of an earlier run
  function copy(file) {
    var href = address(file);
    if (!kept[href]) {
      kept[href] = fetch(href, { cache: 'no-store' })
        .then(function (answer) {
          if (!answer.ok) {
            throw new Error('status ' + answer.status);
          }
          if (window.caches) {
            var spare = answer.clone();
            caches.open(CACHE).then(function (cache) { return cache.put(href, spare); }).catch(function () {});
          }
          return answer.blob();
        })
        .catch(function () { return stored(href); })
        .then(function (blob) { return URL.createObjectURL(blob); });
      kept[href].catch(function () { delete kept[href]; });
    }
    return kept[href];
  }

  function videoFiles(list) {
    var files = [];
    (list || []).forEach(function (slide) {
      if (slide.video) {
        files.push(address(slide.video));
        if (slide.captions) {
          files.push(address(slide.captions));
        }
      }
    });
    return files;
  }

  // fetches the loop's videos ahead of their turn and lets go of those no longer in it
  function prefetch() {
    var wanted = manifest ? videoFiles(manifest.slides).concat(videoFiles(manifest.emergency)) : [];
    wanted.forEach(copy);
    Object.keys(kept).forEach(function (href) {
      if (wanted.indexOf(href) < 0) {
        kept[href].then(URL.revokeObjectURL, function () {});
        delete kept[href];
        if (window.caches) {
          caches.open(CACHE).then(function (cache) { return cache.delete(href); }).catch(function () {});
        }
      }
    });
  }

  // the old slide stays until the video shows its first frame; it ends the slide itself, and an error skips it
  function drawVideo(slide, article, mine) {
    var video = element('video');
    video.muted = true;
    video.autoplay = true;
    video.playsInline = true;
    video.setAttribute('muted', '');
    video.setAttribute('playsinline', '');
    if (slide.image) {
      video.poster = address(slide.image);
    }
    var next = function () {
      if (mine === turn) {
        advance();
      }
    };
    // a second's pause before the next slide: a loop of nothing but broken videos must not spin
    var skip = function () {
      if (mine === turn) {
        clearTimeout(timer);
        timer = setTimeout(next, 1000);
      }
    };
    video.addEventListener('loadeddata', function () {
      if (mine === turn) {
        stage.replaceChildren(article);
        video.play().catch(skip);
      }
    }, { once: true });
    video.addEventListener('playing', function () {
      if (mine === turn) {
        clearTimeout(timer);
        timer = setTimeout(next, (Math.max(1, slide.seconds) + 5) * 1000);
      }
    });
    video.addEventListener('ended', next);
    video.addEventListener('error', skip);
    article.appendChild(video);
    article.appendChild(element('h2', null, slide.title));
    timer = setTimeout(next, LOAD_LIMIT);
    var captions = slide.captions ? copy(slide.captions).catch(function () { return null; }) : Promise.resolve(null);
    Promise.all([copy(slide.video), captions]).then(function (sources) {
      if (mine !== turn) {
        return;
      }
      if (sources[1]) {
        var track = element('track');
        track.kind = 'captions';
        track.srclang = 'vi';
        track.label = 'Tiếng Việt';
        track.default = true;
        track.src = sources[1];
        video.appendChild(track);
      }
      video.src = sources[0];
    }, skip);
  }

  function draw(slide, urgent) {
    var article = element('article', 'slide kind-' + slide.kind.toLowerCase() + (urgent ? ' emergency' : ''));
    article.dataset.publication = slide.publicationId;
    var mine = ++turn;
    showing = (urgent ? 'emergency:' : 'slide:') + slide.publicationId;
    if (slide.video) {
      drawVideo(slide, article, mine);
      return;
    }
    var swap = function () {
      if (mine === turn) {
        stage.replaceChildren(article);
      }
    };
    if (slide.image) {
      var picture = element('img');
      picture.alt = slide.imageAlt || slide.title;
      // the old slide stays until the new picture has loaded: no blank frame between the two
      picture.addEventListener('load', swap, { once: true });
      picture.addEventListener('error', swap, { once: true });
      picture.src = address(slide.image);
      article.appendChild(picture);
    }
    article.appendChild(element('h2', null, slide.title));
    if (slide.text) {
      article.appendChild(element('p', null, slide.text));
    }
    if (!slide.image) {
      swap();
    }
    timer = setTimeout(advance, Math.max(1, slide.seconds) * 1000);
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
    prefetch();
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
  prefetch();
  advance();
  poll();
}());
