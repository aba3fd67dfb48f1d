/* "Forlad siden hurtigt": leave for a neutral page with a click or the Escape key, replacing this page in the
   browser's history, so that Back does not bring it up again. Without JavaScript the link still works as a link.
   The link may come and go as htmx swaps the results, so it is looked up at the moment of leaving. */
(function () {
  if (window.helhedQuickExit) {
    return;
  }
  window.helhedQuickExit = true;
  function leave(event, link) {
    event.preventDefault();
    window.location.replace(link.href);
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.quick-exit') : null;
    if (link) {
      leave(event, link);
    }
  });
  document.addEventListener('keydown', function (event) {
    var link = document.querySelector('a.quick-exit');
    if (link && (event.key === 'Escape' || event.key === 'Esc')) {
      leave(event, link);
    }
  });
}());
