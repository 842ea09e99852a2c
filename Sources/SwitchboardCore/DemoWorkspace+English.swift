import Foundation

extension DemoWorkspace {
    static let englishPhrasebook = Phrasebook(
        staffGreetings: ["Hi {name},", "Hello {name},", "Dear {name},"],
        staffSignoffs: ["Best regards,", "Kind regards,", "All the best,"],
        customerGreetings: ["Hello,", "Hi there,", "Hi team,"],
        customerSignoffs: ["Thanks,", "Best regards,", "Cheers,"],
        thanks: ["Thank you very much!", "Great, thanks for your help.", "Thanks for the quick answer!"],
        nudges: ["Any update on this?", "Just checking in – is there any news on my request?"],
        holds: [
            "We've passed your request to the right department and are waiting for their answer. We'll write as soon as we hear back.",
            "We're waiting for confirmation from the colleagues who handle this. Your ticket is on hold until they reply, but we haven't forgotten it.",
        ],
        products: [
            "Nimbus T2 smart thermostat", "Nimbus Cam 360 indoor camera", "Nimbus Hub", "Nimbus Aura smart speaker",
            "Nimbus Door sensor kit", "Nimbus Plug Mini", "Nimbus Air purifier", "Nimbus Lock Pro smart lock",
        ],
        amountFormat: "${n}", amountRange: 15...900, groupSeparator: ",", daysFormat: "{n} days",
        trackingCountry: "GB")

    static func englishScript(_ topic: Topic) -> Script {
        switch topic {
        case .refund:
            Script(
                subjects: ["Refund request for order {order}", "Please refund my order {order}", "Refund for the {product}"],
                openings: [
                    "I returned the {product} from order {order} two weeks ago, but I still haven't received my refund of {amount}. Could you check what is happening?",
                    "I'd like a refund for order {order}. The {product} doesn't fit my needs and it's still unopened in its box. The total was {amount}.",
                ],
                replies: [
                    "Sorry for the wait. Our warehouse has confirmed they received the {product}. Could you tell me the last four digits of the card you paid with?",
                    "Thanks for reaching out. I can see order {order} in our system. Would you like the refund to your original card or as store credit?",
                ],
                followUps: ["The card ends in {last4}.", "To the original card, please – it ends in {last4}."],
                resolutions: [
                    "I've issued a refund of {amount} for order {order}. Depending on your bank, it should appear within 3–5 business days.",
                    "Good news: the refund of {amount} was processed today. You'll get a confirmation email shortly.",
                ])
        case .login:
            Script(
                subjects: ["Can't log in to my account", "Login not working since this morning", "Stuck on the sign-in page"],
                openings: [
                    "Since this morning I can't sign in to the Nimbus app. It says \"invalid credentials\" even though my password is definitely right. My login is {email}.",
                    "Every time I press \"Sign in\" I'm sent back to the sign-in page without any error. I've tried two browsers and cleared the cookies.",
                ],
                replies: [
                    "Sorry about the trouble. I can see several failed attempts, so your account was locked for a while for security. Which device and app version are you using?",
                    "Thanks for the details. Could you send a screenshot of what you see after pressing \"Sign in\"? It will help us narrow it down.",
                ],
                followUps: [
                    "An Android phone, app version 4.12. Same problem on my laptop in the browser.",
                    "Screenshot attached. The page flashes and shows the login form again.",
                ],
                resolutions: [
                    "I've unlocked your account and reset the session, so you can sign in now. If the app still shows an error, please update it to the latest version.",
                    "Our engineers found a cookie issue affecting some browsers and fixed it an hour ago. Please try again – it should work now.",
                ])
        case .invoice:
            Script(
                subjects: ["Question about invoice {invoice}", "VAT number missing on invoice {invoice}", "Need a corrected invoice"],
                openings: [
                    "Could you explain the charge of {amount} on invoice {invoice}? I thought our plan was cheaper this month.",
                    "Our accountant needs invoice {invoice} reissued with our VAT number and registered address. Is that possible?",
                ],
                replies: [
                    "Happy to help. The amount on {invoice} includes the prorated cost of two extra seats added mid-cycle. Would you like a breakdown per seat?",
                    "Of course. Please send me the VAT number and the exact address as they should appear on the invoice.",
                ],
                followUps: ["Yes, a breakdown would be great, thanks.", "I've attached our company details."],
                resolutions: [
                    "Here's the detailed breakdown: {amount} covers the base plan plus two seats for part of the month. Nothing else changes on your next invoice.",
                    "I've attached the corrected invoice {invoice}. The old one has been voided, so please use this version for your records.",
                ])
        case .deliveryDelay:
            Script(
                subjects: ["Where is my order {order}?", "Delivery delayed – order {order}", "Order {order} still not delivered"],
                openings: [
                    "I placed order {order} {days} ago and it still hasn't arrived. Tracking number {tracking} hasn't updated for days.",
                    "My order {order} was supposed to arrive yesterday. Can you tell me where it is? I need the {product} for the weekend.",
                ],
                replies: [
                    "I'm sorry for the delay. I've contacted the courier about parcel {tracking}. Could you confirm the delivery address is still correct?",
                    "Thanks for your patience. The parcel is at the regional sorting centre. I've asked the courier for an update and will get back to you as soon as I hear from them.",
                ],
                followUps: [
                    "Yes, the address is the same as on the order. Is there anything else I can do?",
                    "Thanks, please let me know as soon as you hear something.",
                ],
                resolutions: [
                    "The courier has confirmed that parcel {tracking} will be delivered tomorrow. As an apology for the delay, I've refunded your shipping fee.",
                    "Your order {order} was marked as delivered this morning. If anything is missing, just reply to this email.",
                ])
        case .damagedItem:
            Script(
                subjects: ["Received a broken {product}", "Damaged item in order {order}", "Return request: cracked casing"],
                openings: [
                    "The {product} from order {order} arrived with a cracked casing and won't turn on. The box was dented too. I'd like to return it.",
                    "Unfortunately the {product} I received is damaged – there's a crack across one corner. What should I do?",
                ],
                replies: [
                    "I'm really sorry it arrived like that. Could you send a couple of photos of the item and the packaging? Then I'll arrange a free return.",
                    "Sorry to hear that! I've created a return label for order {order}. Would you prefer a replacement or a refund?",
                ],
                followUps: ["Photos attached. I'd prefer a replacement if you have one in stock.", "A replacement, please."],
                resolutions: [
                    "Thanks for the photos. A replacement {product} is on its way – tracking number {tracking}. The courier will collect the damaged one at the same time.",
                    "We've received your return and shipped a new {product} today. Sorry again for the trouble.",
                ])
        case .exchange:
            Script(
                subjects: ["Exchange request for order {order}", "Wrong item received", "Can I swap my {product}?"],
                openings: [
                    "Order {order} contained a different model from the one I ordered. It should have been the {product}, but the box has something else in it.",
                    "Is it possible to exchange the {product} from order {order} for the newer version? I'm happy to pay the difference.",
                ],
                replies: [
                    "Apologies for the mix-up. Could you send a photo of the label on the box you received? I'll arrange the exchange right away.",
                    "Sure, that's possible. The difference would be {amount}. Shall I send you a payment link?",
                ],
                followUps: ["Here's the photo of the label.", "Yes, please send the link."],
                resolutions: [
                    "The exchange is arranged: the correct {product} ships today and the courier will collect the wrong item when delivering it.",
                    "Payment received, thank you. Your new {product} is on its way, tracking number {tracking}.",
                ])
        case .featureRequest:
            Script(
                subjects: ["Feature request: dark mode in the app", "Suggestion for the Nimbus app", "Would love an export to CSV"],
                openings: [
                    "I love the app, but it would be great to have a dark mode and a way to export the temperature history to CSV.",
                    "Small suggestion: could a schedule be copied from one day to another? Setting up each day separately takes ages.",
                ],
                replies: [
                    "Thank you for the suggestion! I've passed it to our product team. Could you tell me a bit more about how you'd use it?",
                ],
                followUps: [
                    "Mostly to compare heating costs month by month in a spreadsheet.",
                    "We heat the office differently on weekdays and weekends, so we'd set up Monday once and copy it to the other weekdays.",
                ],
                resolutions: [
                    "Thanks again for the idea. It's now on our product roadmap, and we'll let you know as soon as it ships.",
                    "Good news: copying schedules between days is part of the latest app update. Let us know what you think!",
                ])
        case .complaint:
            Script(
                subjects: ["Very disappointed with your service", "Complaint about my last support contact", "Nobody answers my emails"],
                openings: [
                    "This is the third time I'm writing about order {order} and nobody has given me a real answer. I expected much better service.",
                    "I called your hotline yesterday and waited 40 minutes only to be cut off. This is not acceptable for a paying customer.",
                ],
                replies: [
                    "I'm sorry – you're right that this took far too long. I've taken over your case personally and I'm reviewing the full history now.",
                    "I apologise for the experience. I've reviewed your previous messages and escalated this to my team lead. Can I call you tomorrow to sort it out?",
                ],
                followUps: ["Fine, but I'd like this resolved this week.", "Yes, you can call me after 2 pm."],
                resolutions: [
                    "As discussed, the issue with order {order} is resolved and I've added a credit of {amount} to your account as an apology. Thank you for your patience.",
                    "Thank you for talking to me today. I've shared your feedback with the team so it doesn't happen again, and your issue is now resolved.",
                ])
        case .apiError:
            Script(
                subjects: ["API returns {error} on {endpoint}", "Integration broken: {error}", "Urgent: API errors since this morning"],
                openings: [
                    "Since about 9:00 our integration gets {error} from {endpoint} on roughly half of the requests. Nothing changed on our side.",
                    "Our webhook consumer stopped receiving events and calls to {endpoint} fail with {error}. This is blocking our warehouse sync.",
                ],
                replies: [
                    "Thanks for the report. Could you send a request ID (the X-Request-Id header) from one of the failing calls and the approximate time in UTC?",
                    "We can reproduce the {error} on {endpoint} and our engineers are investigating. I'll keep you updated here.",
                ],
                followUps: ["Request ID {requestId}, around 09:14 UTC.", "We're still seeing the errors. Is there an estimate?"],
                resolutions: [
                    "Our engineers deployed a fix for {endpoint} at 11:40 UTC and the error rate is back to normal. Failed webhook events have been redelivered.",
                    "The cause was an expired certificate on one of our API nodes. It has been replaced – please let us know if you still see {error}.",
                ])
        case .passwordReset:
            Script(
                subjects: ["Password reset email not arriving", "How do I reset my password?", "Reset link expired"],
                openings: [
                    "I've requested a password reset three times but the email never arrives. I've checked the spam folder too. My account is {email}.",
                    "I forgot my password and the reset link you sent says it has expired. Can you help?",
                ],
                replies: [
                    "Sorry about that. Could you confirm the email address on the account? Sometimes orders are placed with a different address.",
                ],
                followUps: ["Yes, it's {email}."],
                resolutions: [
                    "Your mail provider was rejecting our emails. I've sent the link again through a different route – it should be in your inbox now.",
                    "I've sent a new reset link that is valid for 24 hours. If it doesn't show up in a few minutes, please add our address to your contacts and check again.",
                ])
        case .planUpgrade:
            Script(
                subjects: ["Upgrading to the {plan} plan", "Question about {plan} pricing", "Need more devices on our plan"],
                openings: [
                    "We're on the Basic plan and thinking about moving to {plan}. How much would it cost for {qty} devices, and do we keep our data?",
                    "Could you send me a quote for the {plan} plan? We're opening a second office and will need more users.",
                ],
                replies: [
                    "Great to hear you're growing! For {qty} devices on {plan} the price is {amount} per month with annual billing, and all your data stays as it is. Would you like a short demo call?",
                ],
                followUps: ["A demo would be great. Does Thursday afternoon work?"],
                resolutions: [
                    "I've upgraded your workspace to {plan}; the new limits are active now and the first invoice will be prorated. Thanks for choosing Nimbus!",
                    "I've emailed you the quote for the {plan} plan, valid for 30 days. Just reply when you're ready and I'll switch the plan.",
                ])
        case .doubleCharge:
            Script(
                subjects: ["Charged twice for order {order}", "Double payment on my card", "Duplicate charge of {amount}"],
                openings: [
                    "I was charged {amount} twice for order {order}. Both payments show on my bank statement. Please refund the duplicate.",
                    "My card was charged twice this morning for the same subscription payment of {amount}.",
                ],
                replies: [
                    "Sorry about that! I can see two authorisations. Are both marked as completed at your bank, or is one still pending?",
                ],
                followUps: [
                    "Both are completed, not pending.",
                    "One of them still shows as pending.",
                ],
                resolutions: [
                    "I've refunded the duplicate charge of {amount}. Your bank may take 3–5 business days to show it. Apologies for the inconvenience.",
                    "The second payment was only a pending authorisation and our payment provider has released it. You won't be charged twice.",
                ])
        case .cancellation:
            Script(
                subjects: ["Cancel my subscription", "Please stop auto-renewal", "How do I cancel my plan?"],
                openings: [
                    "Please cancel our {plan} subscription at the end of the current billing period. We no longer need the service.",
                    "I'd like to turn off auto-renewal for my account {email}. Where can I do that?",
                ],
                replies: [
                    "I'm sorry to see you go. Before I cancel, may I ask what made you decide to leave? If it's the price, I can offer two months at half price.",
                ],
                followUps: ["Thanks, but we've decided. Please go ahead with the cancellation."],
                resolutions: [
                    "Your subscription is cancelled and stays active until the end of the paid period. You won't be charged again.",
                    "Auto-renewal is now switched off. You can keep using your account until the current period ends.",
                ])
        case .addressChange:
            Script(
                subjects: ["Change delivery address for {order}", "Wrong address on my order", "Can I update the shipping address?"],
                openings: [
                    "I made a mistake in the delivery address for order {order}. Can you change it before it ships?",
                    "We've moved offices. Could the {product} from order {order} go to the new address instead?",
                ],
                replies: [
                    "No problem, the order hasn't shipped yet. Could you send me the full new address including the postcode?",
                ],
                followUps: ["The new address is already in my account profile – please use that one."],
                resolutions: [
                    "Done – order {order} will ship to the new address. You'll get tracking number {tracking} by email once it leaves our warehouse.",
                ])
        case .outage:
            Script(
                subjects: ["Nimbus app is down", "Devices offline in the app", "Is there an outage?"],
                openings: [
                    "None of our devices have shown up in the app for about an hour – they all say \"offline\", but they're powered and connected.",
                    "The dashboard doesn't load at all, just a spinning wheel. Is there an outage?",
                ],
                replies: [
                    "Thanks for letting us know. We're aware of a disruption affecting the device cloud and our engineers are working on it. Updates are on our status page.",
                ],
                followUps: ["Any news? Our office heating schedule depends on this."],
                resolutions: [
                    "The service is fully restored. Your devices kept their last schedule during the outage, so no settings were lost. We're sorry for the disruption.",
                ])
        case .bulkQuote:
            Script(
                subjects: ["Quote for {qty} units", "Bulk order enquiry", "Wholesale pricing for Nimbus devices"],
                openings: [
                    "We're fitting out a new hotel and need {qty} units of the {product}. Could you send us a quote with delivery and installation?",
                    "Do you offer volume discounts? We'd like to order {qty} units of the {product} for our clients.",
                ],
                replies: [
                    "Thanks for your interest! For {qty} units we can offer {amount} per unit including delivery. Which city should we deliver to, and by when?",
                ],
                followUps: ["In about three weeks, to the city where our office is. Could you include installation?"],
                resolutions: [
                    "I've emailed you the formal quote with installation included, valid for 30 days. Our sales team will contact you to confirm the order.",
                ])
        }
    }
}
