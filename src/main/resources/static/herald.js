// The article editor: a contenteditable box with a few real buttons over the plain textarea it replaces.
// Without this script the textarea still takes HTML; whatever is sent, the server sanitises it.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-editor]').forEach((wrap) => {
    const textarea = wrap.querySelector('textarea');
    const toolbar = wrap.querySelector('.toolbar');
    const box = document.createElement('div');
    box.contentEditable = 'true';
    box.setAttribute('role', 'textbox');
    box.setAttribute('aria-multiline', 'true');
    box.setAttribute('aria-labelledby', textarea.id + '-label');
    box.setAttribute('aria-describedby', textarea.getAttribute('aria-describedby') || '');
    box.id = textarea.id + '-editor';
    box.innerHTML = textarea.value;
    textarea.hidden = true;
    toolbar.hidden = false;
    wrap.appendChild(box);
    const label = document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      label.id = textarea.id + '-label';
      label.addEventListener('click', () => box.focus());
    }
    const sync = () => { textarea.value = box.innerHTML; };
    box.addEventListener('input', sync);
    textarea.form.addEventListener('submit', sync);
    toolbar.querySelectorAll('button').forEach((button) => {
      button.addEventListener('click', () => {
        box.focus();
        let value = button.dataset.value || null;
        if (button.dataset.command === 'createLink') {
          value = window.prompt(button.dataset.prompt, 'https://');
          if (!value) { return; }
        }
        document.execCommand(button.dataset.command, false, value);
        sync();
      });
    });
  });
});
