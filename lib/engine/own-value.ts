/**
 * A record's property by name, own properties only. Property maps are plain objects, and HubSpot
 * allows custom properties named `constructor` or `toString`: a bare `map[name]` would return
 * Object.prototype's function for those (issue 9 found the engine crashing on it).
 */
export function ownValue<T>(map: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, name) ? map[name] : undefined;
}
