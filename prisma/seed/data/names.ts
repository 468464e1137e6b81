export const FIRST_NAMES = [
  'Aisha', 'Alex', 'Amelia', 'Amir', 'Anna', 'Ben', 'Bethany', 'Callum', 'Chloe', 'Chris', 'Claire', 'Connor',
  'Daniel', 'David', 'Eleanor', 'Emily', 'Ewan', 'Fatima', 'Fiona', 'Gareth', 'Grace', 'Hannah', 'Harry', 'Imran',
  'Isla', 'Jack', 'James', 'Jasmine', 'Joe', 'Kate', 'Kieran', 'Laura', 'Leah', 'Liam', 'Lucy', 'Mark', 'Megan',
  'Mohammed', 'Naomi', 'Nathan', 'Nia', 'Oliver', 'Olivia', 'Owen', 'Priya', 'Rachel', 'Rhys', 'Rosie', 'Ruth',
  'Ryan', 'Sade', 'Sarah', 'Simon', 'Sophie', 'Tom', 'Usman', 'Victoria', 'Will', 'Yasmin', 'Zoe',
] as const;

export const LAST_NAMES = [
  'Ahmed', 'Allen', 'Atkinson', 'Bailey', 'Bell', 'Brown', 'Campbell', 'Chapman', 'Clarke', 'Cooper', 'Dixon',
  'Edwards', 'Evans', 'Fletcher', 'Foster', 'Graham', 'Green', 'Hall', 'Harrison', 'Hussain', 'Iqbal', 'Jackson',
  'Johnson', 'Kaur', 'Kelly', 'Khan', 'Lee', 'Lewis', 'Marshall', 'Mason', 'Mistry', 'Morgan', 'Murphy', 'Nowak',
  "O'Brien", 'Okoro', 'Parker', 'Patel', 'Pearson', 'Robinson', 'Rowe', 'Scott', 'Shah', 'Singh', 'Smith',
  'Stewart', 'Taylor', 'Thompson', 'Turner', 'Walker', 'Ward', 'Watson', 'White', 'Williams', 'Wilson', 'Wood',
  'Wright', 'Young', 'Zielinski', 'Adeyemi',
] as const;
