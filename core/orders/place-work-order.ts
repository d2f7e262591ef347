import type { ProductType } from '../catalog/catalog';
import { checkAttributes } from '../catalog/catalog.schemas';
import { planAddItems } from '../catalog/dependencies';
import { findOrderable, findProductType, ORDERABLE_NAMES, productsOf } from '../catalog/orderables';
import type { CoreDeps } from '../core-deps';
import { CoreError } from '../errors';
import type { FieldKey, FieldProblem } from '../validation-problems';
import { problem, problemsFromZod, sentence } from '../validation-problems';
import { utcDay } from '../provisioning/provisioning';
import type { Subscriber, SubscriberProduct } from '../subscribers/subscriber';
import { assertHolds, mayConfigureAdvanced, ORDERING } from './permissions/authorize-work';
import { ZDay, ZPlaceWorkOrderFields } from './order.schemas';
import { assertNoOpenOrder, readSubscriber } from './use-case-parts/read-workflow';
import { submitOrder } from './use-case-parts/submit-order';
import type { PlaceWorkOrderInput, PlacedWorkOrder } from './use-case-types';
import type { OrderItem } from './model/work-order';

/**
 * `order jdoe Enhanced Phone Service phoneType=7945`, POST /api/work-orders: an Add
 * order for a product or a bundle ("Ordering Products and Services"). "Users assigned
 * the Ordering authorization role can add, change, or cancel their own orders or those
 * of other subscribers."
 */
export async function placeWorkOrder(deps: CoreDeps, input: PlaceWorkOrderInput): Promise<PlacedWorkOrder> {
  const shape = ZPlaceWorkOrderFields.safeParse(input);
  if (!shape.success) throw new CoreError('VALIDATION_FAILED', { fields: problemsFromZod(shape.error) });
  const subscriber = await readSubscriber(deps, input.subscriberLogin);
  assertHolds(input.actor, ORDERING, subscriber.domain, `order for ${subscriber.login}`);

  const orderable = findOrderable(String(input.orderable));
  if (!orderable) throw invalid('orderable', `'${input.orderable}' is not in the catalog; choose one of ${ORDERABLE_NAMES.join(', ')}`);
  const types = productsOf(orderable);
  const advanced = mayConfigureAdvanced(input.actor, subscriber.domain);
  const attributes = checkOrderAttributes(types, input.attributes ?? {}, subscriber, advanced);
  const requestedDeliveryDate = checkDeliveryDate(input.requestedDeliveryDate, utcDay(deps.clock.now()));

  const existing = await productsAround(deps, subscriber, input.parentProductId);
  const planned = planAddItems(types, subscriber.login, existing, input.parentProductId?.trim() || undefined);
  const parents = existing.filter((p) => planned.some((i) => i.parentProductId === p.id));
  assertNoOpenOrder(parents);

  const items: OrderItem[] = planned.map((p) => ({ ...p, attributes: attributes.get(p.type) ?? {}, productId: null }));
  return submitOrder(
    deps,
    input.actor,
    {
      kind: 'Add',
      changeKind: null,
      orderable,
      domain: subscriber.domain,
      subscriberLogin: subscriber.login,
      newOwnerLogin: null,
      origin: input.origin,
      items,
      requestedDeliveryDate,
    },
    // Claimed with the order: a parent cancelled or moved meanwhile would orphan what this adds.
    parents,
  );
}

/** Each product's attributes, checked all at once so one answer names every problem. */
function checkOrderAttributes(
  types: readonly ProductType[],
  given: Partial<Record<string, Record<string, string>>>,
  subscriber: Subscriber,
  advanced: boolean,
): Map<ProductType, Record<string, string>> {
  const issues: FieldProblem[] = [];
  const byType = new Map<ProductType, Record<string, string>>();
  for (const [name, attrs] of Object.entries(given)) {
    const type = findProductType(name);
    if (!type) issues.push(problem('attributes', `"${name.slice(0, 80)}" is not a product type`));
    else if (!types.includes(type)) issues.push(problem('attributes', `This order has no ${type} (it provisions ${types.join(', ')})`));
    else if (!attrs || typeof attrs !== 'object' || Object.values(attrs).some((v) => typeof v !== 'string'))
      issues.push(problem('attributes', `The values of the ${type} attributes must be text`));
    else byType.set(type, attrs);
  }
  const checked = new Map<ProductType, Record<string, string>>();
  for (const type of new Set(types)) {
    const result = checkAttributes(type, byType.get(type) ?? {}, { subscriber, advanced });
    issues.push(...result.problems);
    checked.set(type, result.attributes);
  }
  if (issues.length) throw new CoreError('VALIDATION_FAILED', { fields: issues });
  return checked;
}

function checkDeliveryDate(raw: string | undefined, today: string): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  const parsed = ZDay.safeParse(raw);
  if (!parsed.success) throw invalid('requestedDeliveryDate', sentence(parsed.error.issues[0]!.message));
  if (parsed.data < today) throw invalid('requestedDeliveryDate', `${parsed.data} is in the past`);
  return parsed.data;
}

/** The subscriber's products, and the product named as the parent (a shared phone may be another subscriber's). */
async function productsAround(deps: CoreDeps, subscriber: Subscriber, parentProductId: string | undefined): Promise<SubscriberProduct[]> {
  const products = await deps.subscribers.listProducts(subscriber.login);
  const named = parentProductId?.trim();
  if (!named || products.some((p) => p.id === named)) return products;
  const parent = await deps.subscribers.findProduct(named);
  if (!parent) throw new CoreError('PRODUCT_NOT_FOUND', { productId: named });
  if (parent.domain !== subscriber.domain)
    throw invalid('parentProductId', `Product ${named} is in ${parent.domain}, not in ${subscriber.login}'s domain ${subscriber.domain}`);
  return [...products, parent];
}

const invalid = (field: FieldKey, message: string) => new CoreError('VALIDATION_FAILED', { fields: [problem(field, message)] });
