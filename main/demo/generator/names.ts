/**
 * Name pools in several scripts, so the demo looks like a global tenant and the UI, exports and PDF
 * meet accents, CJK, Arabic and Cyrillic. Each non-Latin name carries a Latin form for the UPN,
 * as real tenants do.
 */
import type { Rng } from './prng.js';

export interface PersonName {
  givenName: string;
  surname: string;
  /** ASCII local-part material for the UPN / mail. */
  asciiGiven: string;
  asciiSurname: string;
  usageLocation: string;
  preferredLanguage: string;
}

type Pool = { given: [string, string][]; surname: [string, string][]; location: string; language: string; weight: number };

const latin = (names: string[]): [string, string][] =>
  names.map((n) => [n, n.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '')]);

const POOLS: Pool[] = [
  {
    given: latin(['James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Ethan', 'Mia', 'Lucas', 'Grace', 'Daniel', 'Chloe']),
    surname: latin(['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Clarke', 'Walker', 'Wright', "O'Neill", 'Hughes']),
    location: 'US', language: 'en-US', weight: 40,
  },
  {
    given: latin(['José', 'Lucía', 'Martín', 'Sofía', 'Andrés', 'María', 'Íñigo', 'Begoña']),
    surname: latin(['García', 'Martínez', 'López', 'Pérez', 'Gómez', 'Núñez', 'Ibáñez', 'Muñoz']),
    location: 'ES', language: 'es-ES', weight: 10,
  },
  {
    given: latin(['François', 'Hélène', 'Jérôme', 'Zoë', 'Loïc', 'Mathéo', 'Léa', 'Anaïs']),
    surname: latin(['Lefèvre', 'Dubois', 'Bérubé', 'Moreau', 'Gauthier', 'Rousseau', 'Lemaître']),
    location: 'FR', language: 'fr-FR', weight: 10,
  },
  {
    given: latin(['Jürgen', 'Björn', 'Ömer', 'Zoë', 'Małgorzata', 'Łukasz', 'Søren', 'Åsa']),
    surname: latin(['Müller', 'Schröder', 'Weiß', 'Kowalczyk', 'Nowak', 'Jørgensen', 'Åberg', 'Yılmaz']),
    location: 'DE', language: 'de-DE', weight: 10,
  },
  {
    given: [['太郎', 'Taro'], ['花子', 'Hanako'], ['健', 'Ken'], ['美咲', 'Misaki'], ['翔', 'Sho']],
    surname: [['佐藤', 'Sato'], ['鈴木', 'Suzuki'], ['高橋', 'Takahashi'], ['田中', 'Tanaka'], ['伊藤', 'Ito']],
    location: 'JP', language: 'ja-JP', weight: 6,
  },
  {
    given: [['伟', 'Wei'], ['芳', 'Fang'], ['静', 'Jing'], ['磊', 'Lei'], ['秀英', 'Xiuying']],
    surname: [['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang'], ['刘', 'Liu'], ['陈', 'Chen']],
    location: 'CN', language: 'zh-CN', weight: 6,
  },
  {
    given: [['محمد', 'Mohammed'], ['فاطمة', 'Fatima'], ['أحمد', 'Ahmed'], ['ليلى', 'Layla'], ['يوسف', 'Youssef']],
    surname: [['العلي', 'AlAli'], ['حسن', 'Hassan'], ['الخطيب', 'AlKhatib'], ['منصور', 'Mansour'], ['السيد', 'ElSayed']],
    location: 'AE', language: 'ar-AE', weight: 6,
  },
  {
    given: [['Иван', 'Ivan'], ['Ольга', 'Olga'], ['Дмитрий', 'Dmitry'], ['Анна', 'Anna'], ['Сергей', 'Sergey']],
    surname: [['Иванов', 'Ivanov'], ['Петрова', 'Petrova'], ['Смирнов', 'Smirnov'], ['Кузнецова', 'Kuznetsova'], ['Попов', 'Popov']],
    location: 'PL', language: 'ru-RU', weight: 6,
  },
  {
    given: latin(['Priya', 'Arjun', 'Ananya', 'Rohan', 'Kavya']),
    surname: latin(['Sharma', 'Patel', 'Iyer', 'Reddy', 'Nair']),
    location: 'IN', language: 'en-IN', weight: 6,
  },
];

const WEIGHTS: Record<string, number> = Object.fromEntries(POOLS.map((p, i) => [String(i), p.weight]));

/** Draws a person's name from a script pool chosen by weight. */
export function drawName(rng: Rng): PersonName {
  const pool = POOLS[Number(rng.weighted(WEIGHTS))];
  const [givenName, asciiGiven] = rng.pick(pool.given);
  const [surname, asciiSurname] = rng.pick(pool.surname);
  return { givenName, surname, asciiGiven, asciiSurname, usageLocation: pool.location, preferredLanguage: pool.language };
}

/** Departments with the job titles that go with them. */
export const DEPARTMENTS: { name: string; titles: string[] }[] = [
  { name: 'Engineering', titles: ['Software Engineer', 'Senior Software Engineer', 'Engineering Manager', 'SRE'] },
  { name: 'Sales', titles: ['Account Executive', 'Sales Manager', 'Sales Development Representative'] },
  { name: 'Marketing', titles: ['Marketing Specialist', 'Content Strategist', 'Marketing Manager'] },
  { name: 'Finance', titles: ['Accountant', 'Financial Analyst', 'Controller'] },
  { name: 'Human Resources', titles: ['HR Business Partner', 'Recruiter', 'HR Manager'] },
  { name: 'IT', titles: ['IT Support Specialist', 'Systems Administrator', 'IT Manager'] },
  { name: 'Operations', titles: ['Operations Analyst', 'Logistics Coordinator', 'Operations Manager'] },
  { name: 'Legal', titles: ['Counsel', 'Paralegal', 'Compliance Officer'] },
];

/** Cities by usage location, used for officeLocation and sign-in locations. */
export const CITIES: Record<string, { city: string; state: string; lat: number; lon: number }[]> = {
  US: [{ city: 'Seattle', state: 'Washington', lat: 47.61, lon: -122.33 }, { city: 'New York', state: 'New York', lat: 40.71, lon: -74.0 }, { city: 'Austin', state: 'Texas', lat: 30.27, lon: -97.74 }],
  ES: [{ city: 'Madrid', state: 'Madrid', lat: 40.42, lon: -3.7 }, { city: 'Barcelona', state: 'Catalonia', lat: 41.39, lon: 2.17 }],
  FR: [{ city: 'Paris', state: 'Ile-de-France', lat: 48.86, lon: 2.35 }, { city: 'Lyon', state: 'Auvergne-Rhone-Alpes', lat: 45.76, lon: 4.84 }],
  DE: [{ city: 'Berlin', state: 'Berlin', lat: 52.52, lon: 13.4 }, { city: 'München', state: 'Bayern', lat: 48.14, lon: 11.58 }],
  JP: [{ city: 'Tokyo', state: 'Tokyo', lat: 35.68, lon: 139.69 }, { city: 'Osaka', state: 'Osaka', lat: 34.69, lon: 135.5 }],
  CN: [{ city: 'Shanghai', state: 'Shanghai', lat: 31.23, lon: 121.47 }, { city: 'Beijing', state: 'Beijing', lat: 39.9, lon: 116.4 }],
  AE: [{ city: 'Dubai', state: 'Dubai', lat: 25.2, lon: 55.27 }],
  PL: [{ city: 'Warsaw', state: 'Mazowieckie', lat: 52.23, lon: 21.01 }],
  IN: [{ city: 'Bengaluru', state: 'Karnataka', lat: 12.97, lon: 77.59 }, { city: 'Mumbai', state: 'Maharashtra', lat: 19.08, lon: 72.88 }],
  GB: [{ city: 'London', state: 'England', lat: 51.51, lon: -0.13 }],
};

/** Locations that appear only in suspicious sign-ins (not where staff live). */
export const UNUSUAL_LOCATIONS = [
  { city: 'Lagos', state: 'Lagos', countryOrRegion: 'NG', lat: 6.52, lon: 3.38 },
  { city: 'Moscow', state: 'Moscow', countryOrRegion: 'RU', lat: 55.76, lon: 37.62 },
  { city: 'Pyongyang', state: 'Pyongyang', countryOrRegion: 'KP', lat: 39.04, lon: 125.76 },
  { city: 'São Paulo', state: 'São Paulo', countryOrRegion: 'BR', lat: -23.55, lon: -46.63 },
];
