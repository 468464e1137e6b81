import { useState, type ChangeEvent } from 'react';

type TextKey<Values> = { [Key in keyof Values]-?: Values[Key] extends string | undefined ? Key : never }[keyof Values] & string;

type TextChange = ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;

/**
 * A form's values, a setter for one of them, and the props that tie a text input, textarea or select to
 * one text value: its id (the value's key, which problems name), value, inline error and change handler.
 */
export function useFormValues<Values extends object>(initial: Values) {
  const [values, setValues] = useState(initial);
  const set = <Key extends keyof Values>(key: Key, value: Values[Key]) => setValues((current) => ({ ...current, [key]: value }));
  const textField = <Key extends TextKey<Values>>(key: Key, problemFor: (field: string) => string | undefined) => ({
    id: key,
    value: (values[key] as string | undefined) ?? '',
    error: problemFor(key),
    onChange: (event: TextChange) => set(key, event.currentTarget.value as Values[Key]),
  });
  return { values, set, textField };
}
