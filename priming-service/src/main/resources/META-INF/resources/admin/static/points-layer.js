// Thousands of map points drawn on one canvas in one pass. Leaflet's circleMarker makes an object,
// a path and event handlers per point: for the medium organisation's 6,000 accounts that alone
// took longer than the page's whole load target (see docs/perf/console.md). These points are
// only looked at and hovered, so they need none of that.

/**
 * A layer of points ({lat, lon, label}) drawn as circles on a canvas of its own, with a tooltip
 * for the point under the mouse.
 */
export const PointsLayer = L.Layer.extend({
  options: { radius: 2, color: '#444', weight: 1, fill: 'rgba(68, 68, 68, 0.2)', label: (p) => p.label },

  initialize(points, options) {
    L.setOptions(this, options);
    this._points = points;
    this._screen = new Float64Array(points.length * 2);
  },

  onAdd(map) {
    this._canvas = L.DomUtil.create('canvas', 'points-layer leaflet-zoom-hide');
    this._canvas.style.pointerEvents = 'none';
    this.getPane().appendChild(this._canvas);
    this._tooltip = L.tooltip({ direction: 'top', offset: [0, -this.options.radius - 2] });
    this._redraw();
  },

  onRemove(map) {
    L.DomUtil.remove(this._canvas);
    map.closeTooltip(this._tooltip);
  },

  getEvents() {
    return { moveend: this._redraw, zoomend: this._redraw, resize: this._redraw, mousemove: this._hover };
  },

  /** The point nearest to a container point, within the circle's reach, or -1. */
  pointAt(containerPoint) {
    const reach = (this.options.radius + this.options.weight + 3) ** 2;
    let best = -1;
    let bestDistance = reach;
    for (let i = 0; i < this._points.length; i++) {
      const dx = this._screen[2 * i] - containerPoint.x;
      const dy = this._screen[2 * i + 1] - containerPoint.y;
      const d = dx * dx + dy * dy;
      if (d <= bestDistance) {
        best = i;
        bestDistance = d;
      }
    }
    return best;
  },

  _redraw() {
    const map = this._map;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    const canvas = this._canvas;
    canvas.width = size.x * ratio;
    canvas.height = size.y * ratio;
    canvas.style.width = `${size.x}px`;
    canvas.style.height = `${size.y}px`;
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    const context = canvas.getContext('2d');
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    const { radius, color, weight, fill } = this.options;
    context.beginPath();
    for (let i = 0; i < this._points.length; i++) {
      const p = map.latLngToContainerPoint([this._points[i].lat, this._points[i].lon]);
      this._screen[2 * i] = p.x;
      this._screen[2 * i + 1] = p.y;
      if (p.x >= -radius && p.y >= -radius && p.x <= size.x + radius && p.y <= size.y + radius) {
        context.moveTo(p.x + radius, p.y);
        context.arc(p.x, p.y, radius, 0, 2 * Math.PI);
      }
    }
    context.fillStyle = fill;
    context.fill();
    context.lineWidth = weight;
    context.strokeStyle = color;
    context.stroke();
  },

  _hover(e) {
    const i = this.pointAt(e.containerPoint);
    if (i < 0) {
      this._map.closeTooltip(this._tooltip);
      return;
    }
    const p = this._points[i];
    this._tooltip.setLatLng([p.lat, p.lon]).setContent(this.options.label(p));
    if (!this._map.hasLayer(this._tooltip)) {
      this._map.openTooltip(this._tooltip);
    }
  },
});
