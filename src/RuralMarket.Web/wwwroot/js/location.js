// "Use my location": asks the browser for its position, fills the form's hidden latitude/longitude and submits.
// Without JavaScript (or geolocation) the button stays hidden and the ZIP code field does the job.
(function () {
  if (!('geolocation' in navigator)) { return; }
  document.querySelectorAll('[data-use-location]').forEach(function (button) {
    var form = button.form;
    var status = form.querySelector('[data-location-status]');
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
      button.disabled = true;
      button.textContent = 'Finding you…';
      navigator.geolocation.getCurrentPosition(function (position) {
        form.querySelector('[data-latitude]').value = position.coords.latitude.toFixed(4);
        form.querySelector('[data-longitude]').value = position.coords.longitude.toFixed(4);
        form.submit();
      }, function () {
        button.disabled = false;
        button.textContent = label;
        if (status) { status.textContent = 'Your browser did not share your location. Enter a ZIP code instead.'; }
      }, { maximumAge: 600000, timeout: 15000 });
    });
  });
})();
