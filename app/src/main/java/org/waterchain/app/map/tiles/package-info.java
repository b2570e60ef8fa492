/**
 * Offline basemap tiles without any JavaFX type, so the whole package is testable without the toolkit: reading
 * MBTiles files ({@link org.waterchain.app.map.tiles.MbTilesSource}), writing them
 * ({@link org.waterchain.app.map.tiles.MbTilesWriter}), the web-map tile grid
 * ({@link org.waterchain.app.map.tiles.TileMath}), and prefetching an area from an XYZ source that permits bulk
 * download ({@link org.waterchain.app.map.tiles.AreaDownload}).
 *
 * <p>Tile coordinates in this package are always XYZ as web maps number them (y = 0 at the north edge); the TMS
 * row flip that MBTiles uses is done only where the SQL is.
 */
package org.waterchain.app.map.tiles;
