import { useState } from 'react';

/**
 * The fields of a filter form whose applied values live in the URL: controlled, so a value from the URL
 * shows even when the options arrive after the first render, and reset whenever the URL's filters change
 * (back, forward, "Clear filters") without remounting the form.
 */
export function useFilterFields<Fields extends { [Key in keyof Fields]: string }>(applied: Fields) {
  const appliedKey = JSON.stringify(applied);
  const [fields, setFields] = useState(applied);
  const [shownKey, setShownKey] = useState(appliedKey);
  if (shownKey !== appliedKey) {
    setShownKey(appliedKey);
    setFields(applied);
  }
  const update = (field: keyof Fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [field]: event.target.value }));
  return { fields, update };
}

/** The URL parameters of the filled-in fields, under the parameter name of each field. */
export function filterSearchParams<Fields extends { [Key in keyof Fields]: string }>(fields: Fields, params: Record<keyof Fields, string>): URLSearchParams {
  const search = new URLSearchParams();
  for (const field of Object.keys(fields) as (keyof Fields)[]) {
    const value = fields[field].trim();
    if (value) search.set(params[field], value);
  }
  return search;
}
