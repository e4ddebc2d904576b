import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';

export const LANGUAGES = [
  { value: 'vi', label: 'Tiếng Việt' },
  { value: 'en', label: 'English' },
] as const;

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('ntm-desk-lang');

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: stored === 'en' ? 'en' : 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

export function setLanguage(lng: string): void {
  localStorage.setItem('ntm-desk-lang', lng);
  void i18next.changeLanguage(lng);
}

export { i18next };
