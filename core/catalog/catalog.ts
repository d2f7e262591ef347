/**
 * The product catalog of prime-provisioning-managing-orders, "Ordering Products and
 * Services" (Table 10-1), its product dependencies ("Example Order Procedure") and the
 * cancel cascade ("Canceling Products", Table 10-5 Orderable Products).
 */
export const PRODUCT_TYPES = [
  'Phone',
  'Line',
  'Line on a Shared Phone',
  'Voicemail',
  'Email',
  'Unified Messaging',
  'Extension Mobility Access',
  'Extension Mobility Line',
  'Remote Destination Profile',
  'Remote Destination Profile Line',
] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

/** Orderable bundles and the products each provisions, in provisioning order. */
export const BUNDLES = {
  // "Includes a phone, phone line, and voicemail."
  'Enhanced Phone Service': ['Phone', 'Line', 'Voicemail'],
  // "Consists of a phone and phone lines." The seed's Setting Up a Shared Phone orders
  // it for the first subscriber; further lines are Line orders on the same phone, up to
  // what the phone button template allows.
  'Phone Service': ['Phone', 'Line'],
  // "Consists of a phone, phone line, voicemail, and email."
  'Messaging Service': ['Phone', 'Line', 'Voicemail', 'Email'],
  // "includes the Line, Phone, Voicemail and Email, and Unified Messaging products."
  'Unified Messaging Service': ['Phone', 'Line', 'Voicemail', 'Email', 'Unified Messaging'],
  // "Create orders for additional Voicemail and Email products if the user already has a line."
  'Voicemail and Email': ['Voicemail', 'Email'],
  // "This product is available either by itself, or bundled with a line."
  'Extension Mobility Access with Line': ['Extension Mobility Access', 'Extension Mobility Line'],
  'Remote Destination Profile with Line': ['Remote Destination Profile', 'Remote Destination Profile Line'],
} as const satisfies Record<string, readonly ProductType[]>;
export type BundleName = keyof typeof BUNDLES;
export type OrderableName = ProductType | BundleName;

/**
 * "Product dependencies: Line requires an existing Phone. Voicemail and Email require
 * an existing Line. Unified Messaging requires Email. Extension Mobility Line requires
 * Extension Mobility Access." A Line on a Shared Phone hangs on a phone another
 * subscriber owns; a Remote Destination Profile Line on its profile. A dependency is
 * met by a product the subscriber already has or by one earlier in the same order.
 */
export const REQUIRES: Record<ProductType, readonly ProductType[]> = {
  Phone: [],
  Line: ['Phone'],
  'Line on a Shared Phone': [],
  Voicemail: ['Line'],
  Email: ['Line'],
  'Unified Messaging': ['Email'],
  'Extension Mobility Access': [],
  'Extension Mobility Line': ['Extension Mobility Access'],
  'Remote Destination Profile': [],
  'Remote Destination Profile Line': ['Remote Destination Profile'],
};

/**
 * Table 10-5: cancelling a product cancels its associated products too. (Its notes:
 * cancelling Email on Cisco Unity Connection keeps Voicemail; provbot has one
 * messaging back end and follows the table.)
 */
export const CANCEL_CASCADE: Record<ProductType, readonly ProductType[]> = {
  Voicemail: ['Email', 'Unified Messaging'],
  Email: ['Voicemail', 'Unified Messaging'],
  Line: ['Email', 'Voicemail', 'Unified Messaging'],
  'Line on a Shared Phone': ['Email', 'Voicemail', 'Unified Messaging'],
  Phone: ['Line', 'Email', 'Voicemail', 'Unified Messaging'],
  'Remote Destination Profile': ['Remote Destination Profile Line'],
  'Remote Destination Profile Line': [],
  'Extension Mobility Access': ['Extension Mobility Line'],
  'Extension Mobility Line': [],
  'Unified Messaging': [],
};

/** Products that need a physical phone handled: assignment, shipping, receiving apply. */
export const isPhysicalPhone = (type: ProductType): boolean => type === 'Phone';
