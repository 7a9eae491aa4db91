package dev.primer.core.dataset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.primer.territory.GeoPoint;
import java.util.Objects;

/** A customer site: its name, email domain, street address, position and owning rep. */
public record Account(
    String id, String name, String domain, String address, GeoPoint location, String ownerId) {
  public Account {
    Ids.require(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(location, "location");
    Ids.require(ownerId, "ownerId");
  }

  /** Reads the flat file layout: lat and lon sit beside the other fields. */
  @JsonCreator
  static Account fromJson(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("domain") String domain,
      @JsonProperty("address") String address,
      @JsonProperty("lat") double lat,
      @JsonProperty("lon") double lon,
      @JsonProperty("ownerId") String ownerId) {
    return new Account(id, name, domain, address, new GeoPoint(lat, lon), ownerId);
  }

  @JsonProperty("lat")
  double lat() {
    return location.lat();
  }

  @JsonProperty("lon")
  double lon() {
    return location.lon();
  }

  @Override
  @JsonIgnore
  public GeoPoint location() {
    return location;
  }
}
