// Seller video page: while the seller plays or scrubs the preview, "Appears at" follows the player in whole
// seconds (until they type in it), so tagging "now" is: pause, choose the product, press Tag.
// Without JavaScript the field is a plain number field.
(function () {
  var video = document.getElementById('preview');
  var field = document.querySelector('[data-follow-player]');
  if (video && field) {
    var hint = document.querySelector('[data-player-hint]');
    if (hint) { hint.hidden = false; }
    var typed = false;
    field.addEventListener('input', function () { typed = true; });
    var follow = function () {
      if (!typed) { field.value = String(Math.floor(video.currentTime)); }
    };
    video.addEventListener('timeupdate', follow);
    video.addEventListener('seeked', follow);
    video.addEventListener('play', function () { typed = false; });
    if (field.value === '') { follow(); }
  }
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) { event.preventDefault(); }
    });
  });
})();
